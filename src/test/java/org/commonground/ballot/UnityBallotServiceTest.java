package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.UNITY_BALLOT;
import static org.commonground.jooq.Tables.UNITY_MARK;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.ballot.rules.ranked.Round;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactAmendmentService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class UnityBallotServiceTest {

    static final String ALDERSHOT = "E14001063";

    @Autowired
    UnityBallotService unity;
    @Autowired
    PactService pacts;
    @Autowired
    PactAmendmentService pactAmendments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember convenor;
    SignedInMember green1;
    SignedInMember green2;
    SignedInMember libDem1;
    SignedInMember libDem2;
    long group;
    long pact;

    @BeforeEach
    void aPactInNegotiation() {
        convenor = testMembers.register("Unity convenor", "LAB");
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("Unity town " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        green1 = testMembers.joined(groups, group, convenor, "Green one", "GRN");
        green2 = testMembers.joined(groups, group, convenor, "Green two", "GRN");
        libDem1 = testMembers.joined(groups, group, convenor, "Lib Dem one", "LD");
        libDem2 = testMembers.joined(groups, group, convenor, "Lib Dem two", "LD");
        TestMembers.signIn(convenor);
        pact = pacts.start(group, "Aldershot unity", List.of(ALDERSHOT), null);
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", Stance.STANDS_DOWN);
        stances.put("LD", Stance.STANDS_DOWN);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", stances)), "Joint leaflets."), "");
        pacts.openNegotiation(pact);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static UnityBallotSettings settings(UnityMethod method, NewCandidate... candidates) {
        return new UnityBallotSettings(method, TieBreakRule.BACKWARDS, List.of(candidates), null);
    }

    private long openFour() {
        TestMembers.signIn(convenor);
        return unity.open(pact, ALDERSHOT, settings(UnityMethod.RANKED, new NewCandidate("Ada Lovelace", "LAB"),
                new NewCandidate("Grace Hopper", "GRN"), new NewCandidate("Mary Seacole", null), new NewCandidate("Dan Ng", "LD")));
    }

    private static long id(UnityBallotDetails d, String name) {
        return d.candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    private void rank(SignedInMember who, long ballot, Object... nameThenNumber) {
        TestMembers.signIn(who);
        UnityBallotDetails d = unity.details(ballot);
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        for (int i = 0; i < nameThenNumber.length; i += 2) {
            numbers.put(id(d, (String) nameThenNumber[i]), (Integer) nameThenNumber[i + 1]);
        }
        unity.rank(ballot, numbers);
    }

    @Test
    void aRankedBallotIsCountedRoundByRoundWithAWithdrawalAndItsWinnerIsWrittenIntoTheTerms() {
        long ballot = openFour();
        UnityBallotDetails opened = unity.details(ballot);
        assertThat(opened.electorate()).isEqualTo(5);
        assertThat(opened.rules()).contains("Rank the candidates").contains("most recent earlier round");

        rank(convenor, ballot, "Ada Lovelace", 1, "Grace Hopper", 2);
        rank(green1, ballot, "Grace Hopper", 1, "Ada Lovelace", 2);
        rank(green2, ballot, "Ada Lovelace", 1);
        // Changed until the close: only the last counts.
        rank(green2, ballot, "Grace Hopper", 1);
        rank(libDem1, ballot, "Dan Ng", 1, "Mary Seacole", 2, "Ada Lovelace", 3);
        rank(libDem2, ballot, "Mary Seacole", 1, "Ada Lovelace", 2);
        assertThat(unity.details(ballot).myMarks()).containsExactly(id(opened, "Mary Seacole"), id(opened, "Ada Lovelace"));

        TestMembers.signIn(convenor);
        long dan = id(opened, "Dan Ng");
        unity.withdraw(ballot, dan);
        assertThatThrownBy(() -> unity.withdraw(ballot, dan)).isInstanceOf(InvalidInputException.class).hasMessage("Dan Ng has already withdrawn.");
        TestMembers.signIn(libDem1);
        assertThatThrownBy(() -> unity.rank(ballot, Map.of(dan, 1))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("candidate-" + dan)).isEqualTo("Dan Ng has withdrawn and cannot be ranked: rank only the candidates still standing."));
        TestMembers.signIn(green1);
        assertThatThrownBy(() -> unity.withdraw(ballot, dan)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> unity.close(ballot)).isInstanceOf(AccessDeniedException.class);

        TestMembers.signIn(convenor);
        UnityBallotDetails closed = unity.close(ballot);
        // Dan's ballot passes to Mary; Ada has fewest and is excluded; the convenor's ballot passes to Grace.
        assertThat(closed.elected()).map(UnityCandidate::name).contains("Grace Hopper");
        List<Round> rounds = closed.rankedCount().rounds();
        assertThat(rounds).hasSize(2);
        assertThat(rounds.getFirst().votes(String.valueOf(id(closed, "Grace Hopper")))).isEqualTo(2);
        assertThat(rounds.getFirst().standing(String.valueOf(id(closed, "Mary Seacole"))).orElseThrow().byParty()).isEqualTo(Map.of("LD", 2));
        assertThat(rounds.getFirst().excluded()).extracting(c -> c.name()).containsExactly("Ada Lovelace");
        assertThat(rounds.getLast().standing(String.valueOf(id(closed, "Grace Hopper"))).orElseThrow().byParty())
                .containsEntry("GRN", 2).containsEntry("LAB", 1);
        assertThat(closed.sentences().getFirst()).isEqualTo("Grace Hopper is elected in round 2 with 3 of 5 continuing votes.");
        assertThat(closed.sentences()).anyMatch(s -> s.startsWith("Dan Ng has withdrawn"))
                .anyMatch(s -> s.startsWith("Round 1: ") && s.contains("Mary Seacole 2 (Liberal Democrats 2)"));
        assertThat(db.fetchValue(db.select(UNITY_BALLOT.EXPLANATION).from(UNITY_BALLOT).where(UNITY_BALLOT.ID.eq(ballot))))
                .startsWith("Grace Hopper is elected");

        TestMembers.signIn(green1);
        assertThatThrownBy(() -> unity.rank(ballot, Map.of(id(closed, "Ada Lovelace"), 1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has closed");
        assertThatThrownBy(() -> unity.proposeWinner(ballot)).isInstanceOf(AccessDeniedException.class);

        TestMembers.signIn(convenor);
        long amendment = unity.proposeWinner(ballot);
        assertThatThrownBy(() -> unity.proposeWinner(ballot)).isInstanceOf(InvalidInputException.class).hasMessageContaining("already");
        pactAmendments.acceptAmendment(amendment);
        SeatTerms seat = pacts.details(pact).terms().seats().getFirst();
        // A named person of the Greens, as the terms now allow; Labour, whose candidate it was, stands down.
        assertThat(seat.candidate()).isEqualTo(Candidate.person("Grace Hopper", "GRN"));
        assertThat(seat.stances()).containsEntry("LAB", Stance.STANDS_DOWN).containsEntry("LD", Stance.STANDS_DOWN).doesNotContainKey("GRN");

        assertThat(db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT_TYPE.eq("unity_ballot")).and(AUDIT_EVENT.SUBJECT_ID.eq(ballot))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION)).containsExactly("UNITY_BALLOT_OPENED", "UNITY_MARKS_CAST", "UNITY_MARKS_CAST",
                "UNITY_MARKS_CAST", "UNITY_MARKS_CHANGED", "UNITY_MARKS_CAST", "UNITY_MARKS_CAST", "UNITY_CANDIDATE_WITHDRAWN", "UNITY_BALLOT_CLOSED",
                "UNITY_WINNER_PROPOSED");
    }

    @Autowired
    BallotCloser closer;

    @Test
    void aUnityBallotClosesByItselfAtItsClosingTimeAndIsCounted() {
        TestMembers.signIn(convenor);
        long ballot = unity.open(pact, ALDERSHOT, new UnityBallotSettings(UnityMethod.RANKED, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Ada Lovelace", "LAB"), new NewCandidate("Grace Hopper", "GRN")), OffsetDateTime.now().plusHours(1)));
        rank(green1, ballot, "Grace Hopper", 1);
        rank(green2, ballot, "Grace Hopper", 1, "Ada Lovelace", 2);
        rank(libDem1, ballot, "Ada Lovelace", 1);
        // Rather than waiting an hour. The closing time is fixed once the ballot opens (a trigger), so the test moves
        // it with triggers off for this one transaction only: other sessions never see them off.
        db.transaction(tx -> {
            tx.dsl().execute("set local session_replication_role = replica");
            tx.dsl().execute("update unity_ballot set opened_at = now() - interval '2 hours', closes_at = now() - interval '1 second' where id = ?", ballot);
        });
        TestMembers.signOut();

        closer.closeDueBallots();

        TestMembers.signIn(libDem2);
        UnityBallotDetails closed = unity.details(ballot);
        assertThat(closed.elected()).map(UnityCandidate::name).contains("Grace Hopper");
        assertThat(db.fetchValue("select closed_by from unity_ballot where id = ?", ballot)).isEqualTo(convenor.id());
        assertThatThrownBy(() -> unity.rank(ballot, Map.of(id(closed, "Ada Lovelace"), 1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has closed");
    }

    @Test
    void aRankingWithANumberUsedTwiceOrSkippedIsRefusedAtTheCandidateAndNothingIsStored() {
        long ballot = openFour();
        TestMembers.signIn(green1);
        UnityBallotDetails d = unity.details(ballot);
        long ada = id(d, "Ada Lovelace");
        long grace = id(d, "Grace Hopper");
        assertThatThrownBy(() -> unity.rank(ballot, Map.of(ada, 1, grace, 1))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("candidate-" + grace)).isEqualTo("Ada Lovelace and Grace Hopper are both marked 1: give each choice its own number."));
        assertThatThrownBy(() -> unity.rank(ballot, Map.of(ada, 1, grace, 3))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("ranking")).startsWith("Nobody is marked 2 but 3 is used"));
        Map<Long, Integer> none = new LinkedHashMap<>();
        none.put(ada, null);
        assertThatThrownBy(() -> unity.rank(ballot, none)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("ranking")).startsWith("The ballot ranks nobody"));
        assertThatThrownBy(() -> unity.approve(ballot, Set.of(ada))).isInstanceOf(InvalidInputException.class).hasMessageContaining("ranked choice");
        assertThat(db.fetchCount(UNITY_MARK, UNITY_MARK.BALLOT_ID.eq(ballot))).isZero();
    }

    @Test
    void openingNeedsAConvenorTwoCandidatesAndNoNameTwiceAndLeavesNothingWhenRefused() {
        TestMembers.signIn(green1);
        assertThatThrownBy(() -> unity.open(pact, ALDERSHOT, settings(UnityMethod.RANKED, new NewCandidate("A", "GRN"), new NewCandidate("B", "LAB"))))
                .isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(convenor);
        assertThatThrownBy(() -> unity.open(pact, ALDERSHOT, settings(UnityMethod.RANKED, new NewCandidate("Ada Lovelace", "LAB"), new NewCandidate("", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("candidates")).startsWith("Name at least two candidates"));
        assertThatThrownBy(() -> unity.open(pact, ALDERSHOT, settings(UnityMethod.RANKED, new NewCandidate("Ada Lovelace", "LAB"),
                new NewCandidate("  ada   lovelace ", "GRN")))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("candidates")).isEqualTo("ada lovelace is named twice: list each candidate once."));
        assertThatThrownBy(() -> unity.open(pact, ALDERSHOT, new UnityBallotSettings(UnityMethod.RANKED, null,
                List.of(new NewCandidate("A", null), new NewCandidate("B", null)), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("tieBreak")).isNotNull());
        assertThatThrownBy(() -> unity.open(pact, "E14001131", settings(UnityMethod.RANKED, new NewCandidate("A", null), new NewCandidate("B", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not one of this pact's seats");
        assertThat(db.fetchCount(UNITY_BALLOT, UNITY_BALLOT.PACT_ID.eq(pact))).isZero();

        long ballot = unity.open(pact, ALDERSHOT, settings(UnityMethod.RANKED, new NewCandidate("A", null), new NewCandidate("B", null)));
        assertThatThrownBy(() -> unity.open(pact, ALDERSHOT, settings(UnityMethod.RANKED, new NewCandidate("C", null), new NewCandidate("D", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already open");
        // The rule and tie-break stated at opening are fixed, in the database too.
        assertThatThrownBy(() -> db.execute("update unity_ballot set tie_break = 'LOT' where id = ?", ballot)).hasMessageContaining("fixed when it opens");
    }

    @Test
    void anApprovalBallotElectsTheMostApprovedAndAnIndependentWinnerIsWrittenIntoTheTermsByName() {
        TestMembers.signIn(convenor);
        long ballot = unity.open(pact, ALDERSHOT, settings(UnityMethod.APPROVAL, new NewCandidate("Ada Lovelace", "LAB"),
                new NewCandidate("Mary Seacole", "NONE")));
        UnityBallotDetails d = unity.details(ballot);
        long ada = id(d, "Ada Lovelace");
        long mary = id(d, "Mary Seacole");
        unity.approve(ballot, Set.of(ada, mary));
        TestMembers.signIn(green1);
        unity.approve(ballot, Set.of(mary));
        TestMembers.signIn(libDem1);
        unity.approve(ballot, Set.of(mary));
        assertThatThrownBy(() -> unity.approve(ballot, Set.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("approves nobody");
        TestMembers.signIn(convenor);
        UnityBallotDetails closed = unity.close(ballot);
        assertThat(closed.elected()).map(UnityCandidate::name).contains("Mary Seacole");
        assertThat(closed.approvalCount().standings().getFirst().byParty()).containsEntry("LAB", 1).containsEntry("GRN", 1).containsEntry("LD", 1);
        assertThat(closed.sentences().getFirst()).isEqualTo("Mary Seacole is elected with 3 approvals on 3 ballots.");

        pactAmendments.acceptAmendment(unity.proposeWinner(ballot));
        SeatTerms seat = pacts.details(pact).terms().seats().getFirst();
        assertThat(seat.candidate()).isEqualTo(Candidate.independent("Mary Seacole"));
        assertThat(seat.stances()).containsEntry("LAB", Stance.STANDS_DOWN).containsEntry("GRN", Stance.STANDS_DOWN).containsEntry("LD", Stance.STANDS_DOWN);
    }
}
