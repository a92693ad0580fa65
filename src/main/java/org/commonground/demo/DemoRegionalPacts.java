package org.commonground.demo;

import static org.commonground.demo.DemoData.as;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.ballot.NewCandidate;
import org.commonground.ballot.UnityBallotService;
import org.commonground.ballot.UnityBallotSettings;
import org.commonground.ballot.UnityMethod;
import org.commonground.ballot.UnityBallotDetails;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.pact.ByElectionService;
import org.commonground.pact.PactGroupsService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * The demo's pacts of issue 21: a regional pact across both local groups (Bristol started it, Cardiff joined), whose
 * Bristol East candidate is being chosen by a ranked unity ballot, and a by-election pact in Bristol South with its
 * ratification deadline.
 */
@Component
class DemoRegionalPacts {

    private final PactService pacts;
    private final PactGroupsService pactGroups;
    private final UnityBallotService unityBallots;
    private final ByElectionService byElections;

    DemoRegionalPacts(PactService pacts, PactGroupsService pactGroups, UnityBallotService unityBallots, ByElectionService byElections) {
        this.pacts = pacts;
        this.pactGroups = pactGroups;
        this.unityBallots = unityBallots;
        this.byElections = byElections;
    }

    void create(Map<String, SignedInMember> people, long bristol, long cardiff, long election) {
        SignedInMember chloe = people.get("Chloe Davies");
        SignedInMember gwen = people.get("Gwen Morgan");
        long severn = as(chloe, () -> pacts.start(bristol, "Across the Severn: Bristol East and Cardiff West", List.of("E14001132"), election));
        as(chloe, () -> {
            pactGroups.invite(severn, cardiff);
            return null;
        });
        as(gwen, () -> {
            pactGroups.accept(severn, cardiff);
            return null;
        });
        PactTerms terms = new PactTerms(List.of(
                seat("E14001132", "Bristol East", "LAB", "GRN", Stance.STANDS, "LD", Stance.PAPER_CANDIDATE, "PC", Stance.NOT_STANDING),
                seat("W07000092", "Cardiff West", "PC", "LAB", Stance.STANDS_DOWN, "GRN", Stance.STANDS_DOWN, "LD", Stance.PAPER_CANDIDATE)),
                "- Bristol East's alliance candidate is chosen by the group's ranked ballot, and the terms amended to name them.\n"
                        + "- Both candidates pledge to vote for proportional representation.");
        as(chloe, () -> pacts.revise(severn, 1, terms, "Both groups' seats, after Cardiff joined"));
        as(chloe, () -> {
            pacts.openNegotiation(severn);
            return null;
        });
        long unity = as(chloe, () -> unityBallots.open(severn, "E14001132", new UnityBallotSettings(UnityMethod.RANKED, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Sam Adeyemi", "LAB"), new NewCandidate("Rosa Lind", "GRN"), new NewCandidate("Tom Harris", null)), null)));
        UnityBallotDetails ballot = as(chloe, () -> unityBallots.details(unity));
        Map<String, Long> candidate = new LinkedHashMap<>();
        ballot.candidates().forEach(c -> candidate.put(c.name(), c.id()));
        rank(people.get("Liam O'Neill"), unity, candidate, "Sam Adeyemi", "Tom Harris");
        rank(people.get("Kate Brennan"), unity, candidate, "Rosa Lind", "Tom Harris", "Sam Adeyemi");
        rank(people.get("Hannah Cole"), unity, candidate, "Tom Harris", "Rosa Lind");

        LocalDate polling = LocalDate.now(Dates.ZONE).plusDays(24);
        as(chloe, () -> byElections.start(bristol, "E14001135", polling, polling.minusDays(7).atTime(18, 0).atZone(Dates.ZONE).toOffsetDateTime()));
    }

    private void rank(SignedInMember member, long ballot, Map<String, Long> candidate, String... inOrder) {
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        for (int i = 0; i < inOrder.length; i++) {
            numbers.put(candidate.get(inOrder[i]), i + 1);
        }
        as(member, () -> {
            unityBallots.rank(ballot, numbers);
            return null;
        });
    }

    private static SeatTerms seat(String ons, String name, String candidate, Object... partyStance) {
        return DemoData.seat(ons, name, candidate, partyStance);
    }
}
