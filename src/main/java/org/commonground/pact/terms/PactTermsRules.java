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
    public static final int MAX_SEATS = 50;

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
            if (seat.candidate() == null || !parties.contains(seat.candidate())) {
                problems.add(new FieldProblem("seats", "Choose the alliance candidate's party in " + name + "."));
                continue;
            }
            if (seat.stances().containsKey(seat.candidate())) {
                problems.add(new FieldProblem("seats", "In " + name + ", " + seat.candidate()
                        + " is the alliance candidate's party, so it cannot also stand down or stand against itself."));
            }
            for (var stance : seat.stances().entrySet()) {
                if (!parties.contains(stance.getKey())) {
                    problems.add(new FieldProblem("seats", "In " + name + ", there is no party " + stance.getKey() + "."));
                }
                if (stance.getValue() == null) {
                    problems.add(new FieldProblem("seats", "In " + name + ", say whether " + stance.getKey() + " stands, stands down or fields a paper candidate."));
                }
            }
        }
        if (terms.conditions().length() > MAX_CONDITIONS) {
            problems.add(new FieldProblem("conditions", "Conditions can be at most " + Numbers.grouped(MAX_CONDITIONS) + " characters."));
        }
        return problems;
    }
}
