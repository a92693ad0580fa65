package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.PACT_RATIFICATION;
import static org.commonground.pact.PactServiceTest.ALDERSHOT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.DelegationService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.terms.ReciprocityLedger;
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

/**
 * Each party ratifies in its own way: the convenor who sends a pact to ratification chooses nothing for anyone, and
 * each party's delegates choose its ballot (rule, secrecy, closing time) or the delegate who signs for it. The pact
 * is the reciprocal two-seat one: Labour, Greens and Lib Dems are named.
 */
@IntegrationTest
class PactRatificationTest {

    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    DelegationService delegations;
    @Autowired
    BallotService ballots;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember labConvenor;
    SignedInMember green1;
    SignedInMember green2;
    SignedInMember libDem;
    long group;

    @BeforeEach
    void localGroupWithDelegates() {
        labConvenor = testMembers.register("Lab convenor", "LAB");
        TestMembers.signIn(labConvenor);
        group = groups.create(new NewGroup("Ratifying town " + labConvenor.id(), GroupKind.LOCAL, null,
                "Aldershot (" + ALDERSHOT + ")\nBristol Central (" + PactServiceTest.BRISTOL + ")"));
        green1 = testMembers.joined(groups, group, labConvenor, "Green delegate", "GRN");
        green2 = testMembers.joined(groups, group, labConvenor, "Green member", "GRN");
        libDem = testMembers.joined(groups, group, labConvenor, "Lib Dem delegate", "LD");
        testMembers.appointDelegate(group, labConvenor);
        testMembers.appointDelegate(group, green1);
        testMembers.appointDelegate(group, libDem);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private long inRatification() {
        long id = PactServiceTest.negotiatedPact(pacts, labConvenor, group);
        ratification.startRatification(id);
        return id;
    }

    private void choose(SignedInMember delegate, long pact, RatificationPlan plan) {
        TestMembers.signIn(delegate);
        ratification.choosePlan(pact, delegate.partyCode(), plan);
    }

    private long ballotOf(long pact, String party) {
        return pacts.details(pact).ratifications().stream().filter(r -> r.party().equals(party)).findFirst().orElseThrow().ballotId();
    }

    @Test
    void theConvenorChoosesNothingForAnotherPartyWhichShowsAsChoosingUntilItsDelegatesDo() {
        long id = inRatification();
        PactDetails d = pacts.details(id);
        assertThat(d.state()).isEqualTo(PactState.RATIFYING);
        assertThat(d.ratifications()).extracting(Ratification::party).containsExactly("GRN", "LAB", "LD");
        assertThat(d.ratifications()).allSatisfy(r -> assertThat(r.choosing()).isTrue());
        assertThat(d.chooseFor()).containsExactly("LAB");
        assertThat(db.fetchCount(BALLOT, BALLOT.PACT_ID.eq(id))).isZero();

        // Labour's convenor cannot choose for the Greens, nor can a Green who is not one of their delegates.
        assertThatThrownBy(() -> ratification.choosePlan(id, "GRN", RatificationPlan.byRepresentative(green1.id())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("GRN's delegates");
        TestMembers.signIn(green2);
        assertThat(pacts.details(id).chooseFor()).isEmpty();
        assertThatThrownBy(() -> ratification.choosePlan(id, "GRN", RatificationPlan.byBallot(null)))
                .isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(green1);
        assertThat(pacts.details(id).chooseFor()).containsExactly("GRN");
    }

    @Test
    void aPartyWithoutDelegatesMustGetThemBeforeThePactGoesToRatification() {
        long id = PactServiceTest.negotiatedPact(pacts, labConvenor, group);
        TestMembers.signIn(green1);
        delegations.remove(group, green1.id());
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> ratification.startRatification(id)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("ratification")).startsWith("GRN has no delegates in this group"));
        assertThat(pacts.details(id).state()).isEqualTo(PactState.NEGOTIATING);
    }

    @Test
    void everyPartyRatifyingInItsOwnWayMakesItRatifiedAndTheLedgerShowsWhoGaveWay() {
        long id = inRatification();
        choose(labConvenor, id, RatificationPlan.byRepresentative(labConvenor.id()));
        choose(libDem, id, RatificationPlan.byRepresentative(libDem.id()));
        choose(green1, id, RatificationPlan.byBallot(new BallotSettings(DecisionRule.SUPERMAJORITY, false, 0, 0, null)));
        long greenBallot = ballotOf(id, "GRN");
        assertThat(ballots.details(greenBallot).rule()).isEqualTo(DecisionRule.SUPERMAJORITY);
        assertThat(ballots.details(greenBallot).secret()).isFalse();

        // Signing for a party you do not belong to, or twice, is refused.
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> ratification.sign(id, "LD", true, "")).isInstanceOf(AccessDeniedException.class);
        ratification.sign(id, "LAB", true, "");
        assertThatThrownBy(() -> ratification.sign(id, "LAB", true, "")).isInstanceOf(InvalidInputException.class).hasMessageContaining("already");
        TestMembers.signIn(libDem);
        assertThatThrownBy(() -> ballots.vote(greenBallot, Choice.FOR, "")).isInstanceOf(InvalidInputException.class);
        ratification.sign(id, "LD", true, "");
        assertThat(pacts.details(id).state()).isEqualTo(PactState.RATIFYING);

        TestMembers.signIn(green1);
        ballots.vote(greenBallot, Choice.FOR, "");
        TestMembers.signIn(green2);
        ballots.vote(greenBallot, Choice.FOR, "Persuaded");
        // Neither another party's convenor nor a Green who is not a delegate ends the Greens' ballot early.
        assertThatThrownBy(() -> ballots.close(greenBallot)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("GRN's delegates");
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> ballots.close(greenBallot)).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(green1);
        ballots.close(greenBallot);

        PactDetails d = pacts.details(id);
        assertThat(d.state()).isEqualTo(PactState.RATIFIED);
        assertThat(d.ratifications()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo("RATIFIED"));
        assertThat(pacts.activity(id)).extracting(org.commonground.audit.AuditEntry::action)
                .contains(org.commonground.audit.AuditAction.PACT_RATIFYING, org.commonground.audit.AuditAction.PACT_RATIFICATION_PLANNED,
                        org.commonground.audit.AuditAction.PACT_RATIFIED_BY_PARTY, org.commonground.audit.AuditAction.PACT_RATIFIED);

        Map<String, ReciprocityLedger.PartyAccount> ledger = pacts.ledger().stream()
                .collect(Collectors.toMap(ReciprocityLedger.PartyAccount::party, a -> a));
        assertThat(ledger.get("GRN").stoodDown()).extracting(ReciprocityLedger.Entry::onsCode).containsExactly(ALDERSHOT);
        assertThat(ledger.get("LAB").balance()).isZero();
    }

    @Test
    void aPlanIsChosenOnceAndItsRepresentativeAndClosingTimeAreChecked() {
        long id = inRatification();
        TestMembers.signIn(green1);
        assertThatThrownBy(() -> ratification.choosePlan(id, "GRN", RatificationPlan.byRepresentative(green2.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("representative")).contains("GRN's delegates"));
        assertThatThrownBy(() -> ratification.choosePlan(id, "GRN", RatificationPlan.byBallot(new BallotSettings(DecisionRule.SIMPLE_MAJORITY,
                true, 0, 0, OffsetDateTime.now().minusHours(1))))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("closesAt")).contains("future"));
        assertThatThrownBy(() -> ratification.choosePlan(id, "GRN", new RatificationPlan(null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("method")).isNotNull());
        // Nothing of the refused choices was kept.
        assertThat(pacts.details(id).ratifications()).filteredOn(r -> r.party().equals("GRN")).allSatisfy(r -> assertThat(r.choosing()).isTrue());
        assertThat(db.fetchCount(BALLOT, BALLOT.PACT_ID.eq(id))).isZero();

        ratification.choosePlan(id, "GRN", RatificationPlan.byRepresentative(green1.id()));
        assertThatThrownBy(() -> ratification.choosePlan(id, "GRN", RatificationPlan.byBallot(null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already chosen");
    }

    @Test
    void twoDelegatesChoosingDifferentPlansAtTheSameMomentLeaveOnePlan() throws Exception {
        testMembers.appointDelegate(group, green2);
        long id = inRatification();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (RatificationPlan plan : List.of(RatificationPlan.byBallot(null), RatificationPlan.byRepresentative(green2.id()))) {
            SignedInMember who = plan.method() == RatificationMethod.BALLOT ? green1 : green2;
            results.add(pool.submit(() -> {
                TestMembers.signIn(who);
                start.await();
                try {
                    ratification.choosePlan(id, "GRN", plan);
                    return "chosen";
                } catch (InvalidInputException refused) {
                    return refused.getMessage();
                } finally {
                    TestMembers.signOut();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("chosen");
        assertThat(outcomes).anySatisfy(o -> assertThat(o).contains("already chosen"));
        var row = db.selectFrom(PACT_RATIFICATION).where(PACT_RATIFICATION.PACT_ID.eq(id)).and(PACT_RATIFICATION.PARTY_ID.eq(green1.partyId())).fetchOne();
        // The row is whole: a ballot plan has its ballot, a representative plan none.
        assertThat(row.getBallotId() != null).isEqualTo(RatificationMethod.BALLOT.name().equals(row.getMethod()));
        assertThat(db.fetchCount(BALLOT, BALLOT.PACT_ID.eq(id))).isEqualTo(row.getBallotId() == null ? 0 : 1);
    }

    @Test
    void aDelegateRemovedAfterBeingNamedNoLongerSigns() {
        testMembers.appointDelegate(group, green2);
        long id = inRatification();
        choose(green1, id, RatificationPlan.byRepresentative(green2.id()));
        delegations.remove(group, green2.id());
        TestMembers.signIn(green2);
        assertThatThrownBy(() -> ratification.sign(id, "GRN", true, "")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("no longer one of GRN's delegates");
        assertThat(pacts.details(id).ratifications()).filteredOn(r -> r.party().equals("GRN")).allSatisfy(r -> assertThat(r.pending()).isTrue());
        // The Greens are not stuck: their remaining delegate chooses again.
        TestMembers.signIn(green1);
        assertThat(pacts.details(id).chooseFor()).containsExactly("GRN");
        ratification.choosePlan(id, "GRN", RatificationPlan.byRepresentative(green1.id()));
        ratification.sign(id, "GRN", true, "");
        assertThat(pacts.details(id).ratifications()).filteredOn(r -> r.party().equals("GRN")).singleElement()
                .satisfies(r -> assertThat(r.verdict()).isEqualTo("RATIFIED"));
    }

    @Test
    void oneRejectionReturnsItToNegotiationWithTheReasonAndCancelsTheOtherBallots() {
        long id = inRatification();
        choose(green1, id, RatificationPlan.byBallot(null));
        choose(libDem, id, RatificationPlan.byBallot(null));
        List<Long> openBallots = List.of(ballotOf(id, "GRN"), ballotOf(id, "LD"));
        choose(labConvenor, id, RatificationPlan.byRepresentative(labConvenor.id()));
        assertThatThrownBy(() -> ratification.sign(id, "LAB", false, " ")).isInstanceOf(InvalidInputException.class);
        ratification.sign(id, "LAB", false, "Bristol must stay ours");

        PactDetails d = pacts.details(id);
        assertThat(d.state()).isEqualTo(PactState.NEGOTIATING);
        assertThat(d.stateReason()).contains("LAB rejected").contains("Bristol must stay ours");
        assertThat(db.fetchCount(BALLOT, BALLOT.ID.in(openBallots).and(BALLOT.CLOSED_AT.isNull()))).isZero();
        TestMembers.signIn(green1);
        assertThatThrownBy(() -> ballots.vote(openBallots.getFirst(), Choice.FOR, "")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void delegatesSigningAtTheSameMomentEachCountOnceAndTheLastMakesItRatified() throws Exception {
        long id = inRatification();
        Map<SignedInMember, String> signers = Map.of(labConvenor, "LAB", green1, "GRN", libDem, "LD");
        signers.keySet().forEach(who -> choose(who, id, RatificationPlan.byRepresentative(who.id())));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        // Each delegate signs twice at once: one signature counts, the other is refused.
        for (int copy = 0; copy < 2; copy++) {
            signers.forEach((who, party) -> results.add(pool.submit(() -> {
                TestMembers.signIn(who);
                start.await();
                try {
                    ratification.sign(id, party, true, "");
                    return true;
                } catch (InvalidInputException alreadySigned) {
                    return false;
                } finally {
                    TestMembers.signOut();
                }
            })));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> result : results) {
            accepted += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(3);
        TestMembers.signIn(labConvenor);
        PactDetails d = pacts.details(id);
        assertThat(d.state()).isEqualTo(PactState.RATIFIED);
        assertThat(d.ratifications()).extracting(Ratification::verdict).containsOnly("RATIFIED").hasSize(3);
    }

    @Test
    void theDatabaseRefusesAPlanChosenBySomeoneWhoIsNotThePartysDelegate() {
        long id = inRatification();
        // As a bug or a forged request might write it, past the service's checks.
        assertThatThrownBy(() -> db.update(PACT_RATIFICATION).set(PACT_RATIFICATION.METHOD, "BALLOT")
                .set(PACT_RATIFICATION.CHOSEN_BY, labConvenor.id()).set(PACT_RATIFICATION.CHOSEN_AT, OffsetDateTime.now())
                .where(PACT_RATIFICATION.PACT_ID.eq(id)).and(PACT_RATIFICATION.PARTY_ID.eq(green1.partyId())).execute())
                .hasMessageContaining("is not a delegate");
        assertThatThrownBy(() -> db.update(PACT_RATIFICATION).set(PACT_RATIFICATION.METHOD, "REPRESENTATIVE")
                .set(PACT_RATIFICATION.REPRESENTATIVE_ID, green2.id()).set(PACT_RATIFICATION.CHOSEN_BY, green1.id())
                .set(PACT_RATIFICATION.CHOSEN_AT, OffsetDateTime.now())
                .where(PACT_RATIFICATION.PACT_ID.eq(id)).and(PACT_RATIFICATION.PARTY_ID.eq(green1.partyId())).execute())
                .hasMessageContaining("is not a delegate");
        // A verdict signed by anyone but the delegate named, even another delegate of the party.
        testMembers.appointDelegate(group, green2);
        choose(green1, id, RatificationPlan.byRepresentative(green1.id()));
        assertThatThrownBy(() -> db.update(PACT_RATIFICATION).set(PACT_RATIFICATION.VERDICT, "RATIFIED")
                .set(PACT_RATIFICATION.DECIDED_BY, green2.id()).set(PACT_RATIFICATION.DECIDED_AT, OffsetDateTime.now())
                .where(PACT_RATIFICATION.PACT_ID.eq(id)).and(PACT_RATIFICATION.PARTY_ID.eq(green1.partyId())).execute())
                .hasMessageContaining("is not a delegate");
    }
}
