package org.commonground.pact.terms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.shared.FieldProblem;
import org.commonground.shared.Numbers;

/** What makes a pact's terms acceptable, as plain-words problems for the form. Pure. */
public final class PactTermsRules {

    public static final int MAX_CONDITIONS = 20_000;
    /** Every seat of a general election: an alliance group's national framework covers them all (650 in 2024). */
    public static final int MAX_SEATS = 650;

    private PactTermsRules() {
    }

    /**
     * @param groupConstituencies ONS code to name, the constituencies of the pact's local group
     * @param parties             the party codes that exist
     */
    public static List<FieldProblem> check(PactTerms terms, Map<String, String> groupConstituencies, Set<String> parties) {
        List<FieldProblem> problems = new ArrayList<>();
        if (terms.seats().isEmpty()) {
            problems.add(new FieldProblem("seats", "A pact covers at least one constituency."));
        }
        if (terms.seats().size() > MAX_SEATS) {
            problems.add(new FieldProblem("seats", "A pact can cover at most " + MAX_SEATS + " constituencies; split it into several pacts."));
        }
        Set<String> seen = new HashSet<>();
        for (SeatTerms seat : terms.seats()) {
            String name = seat.constituency() == null || seat.constituency().isBlank() ? seat.onsCode() : seat.constituency();
            if (!groupConstituencies.containsKey(seat.onsCode())) {
                problems.add(new FieldProblem("seats", name + " is not one of this group's constituencies."));
                continue;
            }
            if (!seen.add(seat.onsCode())) {
                problems.add(new FieldProblem("seats", name + " appears twice in the terms."));
            }
            if (!candidate(seat, name, parties, problems)) {
                continue;
            }
            seat.candidate().partyCode().filter(seat.stances()::containsKey).ifPresent(own -> problems.add(new FieldProblem("seats", "In " + name
                    + ", " + own + " is the alliance candidate's party, so it cannot also stand down or stand against itself.")));
            for (var stance : seat.stances().entrySet()) {
                String party = stance.getKey();
                if (!parties.contains(party)) {
                    problems.add(new FieldProblem("seats", "In " + name + ", there is no party " + party + "."));
                }
                if (stance.getValue() == null) {
                    problems.add(new FieldProblem("seats", "In " + name + ", say whether " + party + " stands, stands down or fields a paper candidate."));
                } else if (stance.getValue() != Stance.NOT_STANDING && Contests.neverContests(party, seat.onsCode())) {
                    problems.add(new FieldProblem("seats", neverContests(party, seat.onsCode(), name, stance.getValue())));
                }
            }
        }
        if (terms.conditions().length() > MAX_CONDITIONS) {
            problems.add(new FieldProblem("conditions", "Conditions can be at most " + Numbers.grouped(MAX_CONDITIONS) + " characters."));
        }
        return problems;
    }

    /** The seat's candidate is one the form can accept; false (with the problem added) when not. */
    private static boolean candidate(SeatTerms seat, String name, Set<String> parties, List<FieldProblem> problems) {
        switch (seat.candidate()) {
            case null -> {
                problems.add(new FieldProblem("seats", "Choose the alliance candidate in " + name + ": a party's, or a named person."));
                return false;
            }
            case Candidate.PartyCandidate(String party) -> {
                if (party == null || !parties.contains(party) || party.equals(Candidate.NO_PARTY)) {
                    problems.add(new FieldProblem("seats", "Choose the alliance candidate's party in " + name
                            + " (for an independent, name the person and choose \"no party\")."));
                    return false;
                }
                if (Contests.neverContests(party, seat.onsCode())) {
                    problems.add(new FieldProblem("seats", "In " + name + ", " + party + " cannot field the alliance candidate: it contests seats only in "
                            + Contests.onlyIn(party).orElseThrow() + "."));
                    return false;
                }
            }
            case Candidate.Person(String person, String party) -> {
                if (person.isEmpty()) {
                    problems.add(new FieldProblem("seats", "In " + name + ", give the alliance candidate's name."));
                    return false;
                }
                if (person.length() > Candidate.MAX_NAME) {
                    problems.add(new FieldProblem("seats", "In " + name + ", a candidate's name can be at most " + Candidate.MAX_NAME + " characters."));
                    return false;
                }
                if (party != null && !parties.contains(party)) {
                    problems.add(new FieldProblem("seats", "In " + name + ", there is no party " + party + " for " + person + "."));
                    return false;
                }
            }
        }
        return true;
    }

    private static String neverContests(String party, String onsCode, String name, Stance stance) {
        String country = Contests.onlyIn(party).orElseThrow();
        String where = Contests.countryOf(onsCode).orElseThrow();
        return switch (stance) {
            case STANDS_DOWN -> party + " cannot stand down in " + name + ": it contests seats only in " + country + ", and " + name
                    + " is in " + where + ". A party that never stands there is \"not standing\", which is not a stand-down.";
            default -> "In " + name + ", " + party + " is \"not standing\": it contests seats only in " + country + ", and " + name + " is in " + where + ".";
        };
    }
}
