package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.audit.AuditAction;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupService;
import org.commonground.proposal.text.MergePlan;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.commonground.jooq.Tables.AUDIT_EVENT;

@IntegrationTest
class AmendmentMergingTest {

    static final String TEXT = AmendmentServiceTest.TEXT;

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    AmendmentMerging merging;
    @Autowired
    BallotService ballots;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    ProposalFixture f;
    long proposal;
    /** A1 (Green) and A2 (Lib Dem) both change line 2; A1 also line 1; A3 (Lib Dem) changes line 4 alone. */
    Amendment a1;
    Amendment a2;
    Amendment a3;

    @BeforeEach
    void setUp() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, TEXT);
        TestMembers.signIn(f.green);
        a1 = amendments.proposeByEdit(proposal, 1, TEXT.replace("by 2030", "by 2028").replace("run for the public good", "publicly owned"), "Ownership");
        TestMembers.signIn(f.libDem);
        a2 = amendments.proposeByEdit(proposal, 1, TEXT.replace("the public good", "people, not profit"), "People");
        a3 = amendments.proposeByEdit(proposal, 1, TEXT.replace("every river town", "every river and lake"), "Lakes");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private Amendment find(int number) {
        return amendments.list(proposal).stream().filter(a -> a.number() == number).findFirst().orElseThrow();
    }

    @Test
    void thePlanShowsEachCollisionWithEveryWording() {
        TestMembers.signIn(f.author);
        AmendmentMerging.Plan plan = merging.plan(proposal, Set.of(a1.id(), a2.id(), a3.id()));
        assertThat(plan.revision()).isEqualTo(1);
        assertThat(plan.numbers()).containsEntry(a1.id(), 1).containsEntry(a2.id(), 2).containsEntry(a3.id(), 3);
        assertThat(plan.collisions()).singleElement().satisfies(c -> {
            assertThat(c.lines()).as("A1's passage covers lines 1–2").isEqualTo("lines 1\u20132");
            assertThat(c.amendments()).containsExactly(1, 2);
            assertThat(c.wordings().get(2)).endsWith("run for people, not profit.");
            assertThat(c.wordings().get(1)).startsWith("2028.").endsWith("publicly owned.");
        });
    }

    @Test
    void combiningMergesBothIntoOneRevisionAndSaysSo() {
        TestMembers.signIn(f.convenor);
        AmendmentMerging.Plan plan = merging.plan(proposal, Set.of(a1.id(), a2.id(), a3.id()));
        MergePlan.Collision c = plan.collisions().getFirst();
        String combined = c.current().replace("2030", "2028").replace("run for the public good", "publicly owned, for people, not profit");
        int revision = merging.merge(proposal, 1, Set.of(a1.id(), a2.id(), a3.id()), Map.of(c.number(), new MergePlan.Combine(combined)));
        assertThat(revision).isEqualTo(2);

        Revision now = proposals.details(proposal).current();
        assertThat(now.body()).contains("rivers by 2028.", "will be publicly owned, for people, not profit.", "every river and lake.");
        assertThat(now.note()).isEqualTo("Merged A1, A2 and A3 (A1 combined with A2 on lines 1\u20132)");
        for (int n : List.of(1, 2, 3)) {
            assertThat(find(n).state()).isEqualTo(AmendmentState.ACCEPTED);
            assertThat(find(n).mergedRevision()).isEqualTo(2);
        }
        assertThat(find(2).decisionReason()).isEqualTo("On lines 1\u20132, it was combined with A1.");
        assertThat(find(3).decisionReason()).isEmpty();
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT_ID.eq(proposal))
                .and(AUDIT_EVENT.ACTION.eq(AuditAction.AMENDMENT_ACCEPTED.name())).fetch(AUDIT_EVENT.DETAIL))
                .containsExactlyInAnyOrder("amendment " + a1.id() + " merged into revision 2", "amendment " + a2.id() + " merged into revision 2",
                        "amendment " + a3.id() + " merged into revision 2");
    }

    @Test
    void takingOneWordingRejectsTheOtherWithWhoseWasTakenAndMovesTheRestAlong() {
        TestMembers.signIn(f.green);
        Amendment a4 = amendments.proposeByEdit(proposal, 1, TEXT.replace("Fines will go", "All fines will go"), "All of them");
        Amendment a5 = amendments.proposeByEdit(proposal, 1, TEXT.replace("public good", "common good"), "Common");
        TestMembers.signIn(f.author);
        int revision = merging.merge(proposal, 1, Set.of(a1.id(), a2.id()), Map.of(1, new MergePlan.Take(2)));
        assertThat(proposals.details(proposal).current().body()).contains("run for people, not profit.", "by 2030");
        assertThat(find(2).state()).isEqualTo(AmendmentState.ACCEPTED);
        Amendment rejected = find(1);
        assertThat(rejected.state()).isEqualTo(AmendmentState.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("On lines 1\u20132, A2's wording was taken instead.");
        assertThat(rejected.mergedRevision()).isNull();
        assertThat(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(proposal).and(AUDIT_EVENT.ACTION.eq(AuditAction.AMENDMENT_REJECTED.name()))
                .and(AUDIT_EVENT.DETAIL.startsWith("amendment " + a1.id() + " ")))).isTrue();
        assertThat(find(4).revision()).as("untouched: moved onto the new text").isEqualTo(revision);
        assertThat(find(4).outdated()).isFalse();
        assertThat(find(5).outdated()).as("its words were replaced").isTrue();
        assertThat(find(3).revision()).isEqualTo(revision);
    }

    @Test
    void everyCollisionNeedsAResolutionAndNothingIsWrittenWithoutOne() {
        TestMembers.signIn(f.author);
        assertThatThrownBy(() -> merging.merge(proposal, 1, Set.of(a1.id(), a2.id()), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("merge"))
                        .isEqualTo("On lines 1\u20132, A1 and A2 collide: choose whether to keep the current wording, take one of theirs or combine them."));
        assertThatThrownBy(() -> merging.merge(proposal, 1, Set.of(a1.id(), a2.id()), Map.of(1, new MergePlan.Take(3))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("merge")).contains("A3 has no wording there"));
        assertThat(proposals.details(proposal).current().number()).isEqualTo(1);
        assertThat(find(1).state()).isEqualTo(AmendmentState.PROPOSED);
    }

    @Test
    void aMovedOnRevisionOrAnAmendmentNoLongerOpenIsRefused() {
        TestMembers.signIn(f.author);
        amendments.accept(a3.id());
        assertThatThrownBy(() -> merging.merge(proposal, 1, Set.of(a1.id(), a2.id()), Map.of(1, new MergePlan.Keep())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("merge")).contains("it is now revision 2"));
        assertThatThrownBy(() -> merging.merge(proposal, 2, Set.of(a1.id(), a3.id()), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("amendments")).isEqualTo("A3 is not open: it was accepted."));
        assertThatThrownBy(() -> merging.plan(proposal, Set.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("amendments")).contains("at least one"));
        long other = f.proposalInDiscussion(proposals, TEXT);
        assertThatThrownBy(() -> merging.plan(other, Set.of(a1.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("amendments")).isEqualTo("There is no such amendment."));
    }

    @Test
    void onlyAuthorsAndConvenorsMergeAndOnlyInDiscussion() {
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> merging.plan(proposal, Set.of(a1.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> merging.merge(proposal, 1, Set.of(a1.id()), Map.of())).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(f.outsider);
        assertThatThrownBy(() -> merging.plan(proposal, Set.of(a1.id()))).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.VOTING);
        assertThatThrownBy(() -> merging.merge(proposal, 1, Set.of(a3.id()), Map.of()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("in discussion");
    }

    @Test
    void linesUnderVoteCannotBeMergedAway() {
        TestMembers.signIn(f.green);
        Amendment a4 = amendments.proposeByEdit(proposal, 1, TEXT.replace("river town", "riverside town"), "Riverside");
        TestMembers.signIn(f.convenor);
        ballots.open(proposal, a4.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        assertThatThrownBy(() -> merging.merge(proposal, 1, Set.of(a1.id(), a3.id()), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("merge"))
                        .contains("Line 4 is being voted on in A4's ballot", "merging A1 and A3"));
        assertThat(merging.merge(proposal, 1, Set.of(a1.id(), a2.id()), Map.of(1, new MergePlan.Keep())))
                .as("keeping the current wording decides both but writes no revision").isEqualTo(1);
        assertThat(proposals.history(proposal)).hasSize(1);
        assertThat(find(1).state()).isEqualTo(AmendmentState.REJECTED);
        assertThat(find(2).state()).isEqualTo(AmendmentState.REJECTED);
        assertThat(find(4).revision()).as("the ballot's lines untouched").isEqualTo(1);
    }
}
