package org.commonground.security;

import static org.commonground.security.Matrix.any;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.ballot.NewCandidate;
import org.commonground.ballot.UnityBallotService;
import org.commonground.ballot.UnityBallotSettings;
import org.commonground.ballot.UnityMethod;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.group.GroupService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Unity-candidate ballots on a pact's seats: read by the members of the pact's group, marked by its electorate (the
 * group's members whose party counts them: not the member whose party is only claimed), run by its convenors. The
 * pact covers Aldershot (a ranked ballot: Ada of Labour, Grace of the Greens, Mary of no party) and Bristol Central
 * (an approval ballot between the same three).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnityBallotAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    UnityBallotService unity;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;

    Cast cast;
    Matrix matrix;

    @BeforeAll
    void people() {
        cast = new Cast(testMembers, groups);
        matrix = new Matrix(transactions, db, cast);
    }

    /** The pact, its ranked ballot with Mary's id (Ada's and Grace's next to it), and its approval ballot with Grace's. */
    record Ballots(long pact, long ranked, long ada, long grace, long mary, long approval, long approvalGrace) {
    }

    private static UnityBallotSettings settings(UnityMethod method) {
        return new UnityBallotSettings(method, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Ada Lovelace", "LAB"), new NewCandidate("Grace Hopper", "GRN"), new NewCandidate("Mary Seacole", null)), null);
    }

    private long candidate(long ballot, String name) {
        return unity.details(ballot).candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    private Ballots open() {
        cast.signIn(Who.CONVENOR);
        long pact = pacts.start(cast.group, "Unity accord", List.of(Cast.ALDERSHOT, Cast.BRISTOL), null);
        Map<String, Stance> aldershot = new LinkedHashMap<>();
        aldershot.put("GRN", Stance.STANDS_DOWN);
        Map<String, Stance> bristol = new LinkedHashMap<>();
        bristol.put("LAB", Stance.STANDS_DOWN);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "LAB", aldershot),
                new SeatTerms(Cast.BRISTOL, "Bristol Central", "GRN", bristol)), ""), "");
        pacts.openNegotiation(pact);
        long ranked = unity.open(pact, Cast.ALDERSHOT, settings(UnityMethod.RANKED));
        long approval = unity.open(pact, Cast.BRISTOL, settings(UnityMethod.APPROVAL));
        return new Ballots(pact, ranked, candidate(ranked, "Ada Lovelace"), candidate(ranked, "Grace Hopper"), candidate(ranked, "Mary Seacole"),
                approval, candidate(approval, "Grace Hopper"));
    }

    /** Both counted: Grace elected in each. */
    private Ballots closed() {
        Ballots b = open();
        cast.signIn(Who.AUTHOR);
        unity.rank(b.ranked(), Map.of(b.grace(), 1));
        unity.approve(b.approval(), Set.of(b.approvalGrace()));
        cast.signIn(Who.CONVENOR);
        unity.close(b.ranked());
        unity.close(b.approval());
        return b;
    }

    private final Matrix.Calls<Ballots> calls = new Matrix.Calls<Ballots>()
            .read("see the ranked ballot", b -> unity.details(b.ranked()))
            .read("see the approval ballot", b -> unity.details(b.approval()))
            .find("listed on the pact", b -> unity.ofPact(b.pact()), (b, found) -> any(found, s -> s.id() == b.ranked()))
            .read("see Bristol's ballots", b -> unity.seat(b.pact(), Cast.BRISTOL))
            .change("open a ballot on Aldershot", b -> unity.open(b.pact(), Cast.ALDERSHOT, settings(UnityMethod.RANKED)))
            .change("rank", b -> unity.rank(b.ranked(), Map.of(b.ada(), 1, b.grace(), 2)))
            .change("approve", b -> unity.approve(b.approval(), Set.of(b.approvalGrace())))
            .change("approve in the ranked ballot", b -> unity.approve(b.ranked(), Set.of(b.ada())))
            .change("withdraw Mary", b -> unity.withdraw(b.ranked(), b.mary()))
            .change("close", b -> unity.close(b.ranked()))
            .change("write the winner into the terms", b -> unity.proposeWinner(b.ranked()));

    @Test
    void openBallots() {
        matrix.check("open unity ballots", this::open, calls, """
                see the ranked ballot             | group
                see the approval ballot           | group
                listed on the pact                | group
                see Bristol's ballots             | group
                open a ballot on Aldershot        | nobody              // one is open there already
                // The electorate: the group's members whose party counts them, fixed at the opening.
                rank                              | other-party member author convenor
                approve                           | other-party member author convenor
                approve in the ranked ballot      | nobody
                withdraw Mary                     | convenor
                close                             | convenor
                write the winner into the terms   | nobody              // not counted yet
                """);
    }

    @Test
    void closedBallots() {
        matrix.check("closed unity ballots", this::closed, calls, """
                see the ranked ballot             | group
                see the approval ballot           | group
                listed on the pact                | group
                see Bristol's ballots             | group
                open a ballot on Aldershot        | convenor
                rank                              | nobody
                approve                           | nobody
                approve in the ranked ballot      | nobody
                withdraw Mary                     | nobody
                close                             | nobody
                // A convenor whose party the terms name proposes it, as any amendment.
                write the winner into the terms   | convenor
                """);
    }
}
