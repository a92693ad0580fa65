package org.commonground.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.commonground.ballot.NewCandidate;
import org.commonground.ballot.UnityBallotDetails;
import org.commonground.ballot.UnityBallotService;
import org.commonground.ballot.UnityBallotSettings;
import org.commonground.ballot.UnityMethod;
import org.commonground.ballot.UnityCandidate;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.springframework.stereotype.Component;

/**
 * The demo's unity-candidate ballot in progress: Bristol East's pact is in negotiation, and the group is choosing
 * its candidate by ranked choice among three people; three members have ranked them. (Apart from {@link DemoData},
 * which is long enough.)
 */
@Component
class DemoUnityBallot {

    static final String PACT_TITLE = "Bristol East: one progressive candidate";

    private final PactService pacts;
    private final UnityBallotService unity;

    DemoUnityBallot(PactService pacts, UnityBallotService unity) {
        this.pacts = pacts;
        this.unity = unity;
    }

    /** @param as runs an action as a demo member */
    void create(Map<String, SignedInMember> people, long bristol, long election, BiFunction<SignedInMember, Supplier<Object>, Object> as) {
        SignedInMember chloe = people.get("Chloe Davies");
        long pact = (Long) as.apply(chloe, () -> pacts.start(bristol, PACT_TITLE, List.of("E14001132"), election));
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", Stance.STANDS_DOWN);
        stances.put("LD", Stance.STANDS_DOWN);
        as.apply(chloe, () -> pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms("E14001132", "Bristol East", "LAB", stances)),
                "Whoever the group chooses, all three parties campaign for them."), "Labour's seat to hold; the person still to choose"));
        long ballot = (Long) as.apply(chloe, () -> {
            pacts.openNegotiation(pact);
            return unity.open(pact, "E14001132", new UnityBallotSettings(UnityMethod.RANKED, TieBreakRule.BACKWARDS, List.of(
                    new NewCandidate("Sam Okoye", "LAB"), new NewCandidate("Rosa Hart", "GRN"), new NewCandidate("Tom Ellis", null)), null));
        });
        UnityBallotDetails d = (UnityBallotDetails) as.apply(chloe, () -> unity.details(ballot));
        rank(people.get("Kate Brennan"), ballot, as, id(d, "Rosa Hart"), id(d, "Tom Ellis"));
        rank(people.get("Hannah Cole"), ballot, as, id(d, "Tom Ellis"), id(d, "Sam Okoye"));
        rank(people.get("Liam O'Neill"), ballot, as, id(d, "Sam Okoye"), id(d, "Tom Ellis"));
    }

    private void rank(SignedInMember who, long ballot, BiFunction<SignedInMember, Supplier<Object>, Object> as, long... ranking) {
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        for (int i = 0; i < ranking.length; i++) {
            numbers.put(ranking[i], i + 1);
        }
        as.apply(who, () -> {
            unity.rank(ballot, numbers);
            return null;
        });
    }

    private static long id(UnityBallotDetails d, String name) {
        return d.candidates().stream().filter(c -> c.name().equals(name)).findFirst().map(UnityCandidate::id).orElseThrow();
    }
}
