package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.PROPOSAL;
import static org.commonground.jooq.Tables.PROPOSAL_REVISION;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
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
class ProposalServiceTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember convenor;
    SignedInMember author;
    SignedInMember member;
    SignedInMember outsider;
    long group;

    @BeforeEach
    void aGroupWithAnAuthorAMemberAndAnOutsider() {
        convenor = testMembers.register("Convenor", "LAB");
        author = testMembers.register("Author", "GRN");
        member = testMembers.register("Reader", "LD");
        outsider = testMembers.register("Outsider", "SNP");
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("Policy table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        for (SignedInMember m : List.of(author, member)) {
            TestMembers.signIn(m);
            groups.requestToJoin(group);
            TestMembers.signIn(convenor);
            groups.approve(group, m.id());
        }
        TestMembers.signIn(author);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static ProposalDraft draft(String body) {
        return new ProposalDraft("Fair votes", "PR for Westminster", body, "");
    }

    @Test
    void aProposalKeepsTheLineWidthItWasMadeWithWhenTheGroupChangesIts() {
        String sentence = "Every vote should count, in every constituency, at every election, for every party. ";
        long older = proposals.create(group, draft(sentence.repeat(3)));
        int linesAt80 = proposals.details(older).lines().size();
        TestMembers.signIn(convenor);
        groups.setLineWidth(group, 40);

        // Its comments and amendments cite these numbers: they must not move.
        TestMembers.signIn(author);
        assertThat(proposals.details(older).lines()).hasSize(linesAt80);
        assertThat(proposals.details(older).proposal().lineWidth()).isEqualTo(80);
        long newer = proposals.create(group, draft(sentence.repeat(3)));
        assertThat(proposals.details(newer).proposal().lineWidth()).isEqualTo(40);
        assertThat(proposals.details(newer).lines().size()).isGreaterThan(linesAt80);
    }

    @Test
    void aDraftIsReadByItsAuthorsAndConvenorsOnlyUntilDiscussion() {
        long id = proposals.create(group, draft("# Fair votes\n\nEvery vote should count."));
        assertThat(proposals.details(id).lines()).hasSize(2);

        TestMembers.signIn(member);
        assertThatThrownBy(() -> proposals.details(id)).isInstanceOf(InvalidInputException.class).hasMessageContaining("no such proposal");
        assertThat(proposals.inGroup(group)).extracting(ProposalSummary::id).doesNotContain(id);

        TestMembers.signIn(convenor);
        assertThat(proposals.details(id).moves()).contains(ProposalState.DISCUSSION, ProposalState.WITHDRAWN);
        proposals.move(id, ProposalState.DISCUSSION);

        TestMembers.signIn(member);
        assertThat(proposals.details(id).proposal().state()).isEqualTo(ProposalState.DISCUSSION);
        assertThat(proposals.details(id).canEdit()).isFalse();
        assertThatThrownBy(() -> proposals.save(id, 1, draft("hijacked"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> proposals.move(id, ProposalState.VOTING)).isInstanceOf(AccessDeniedException.class);

        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> proposals.details(id)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> proposals.history(id)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> proposals.create(group, draft("x"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everySaveIsARevisionAndAnyTwoCanBeDiffed() {
        long id = proposals.create(group, draft("We will build homes."));
        int second = proposals.save(id, 1, new ProposalDraft("Fair votes", "PR", "We will build social homes.", "add social"));
        assertThat(second).isEqualTo(2);
        assertThat(proposals.history(id)).extracting(Revision::number, Revision::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "add social"), org.assertj.core.groups.Tuple.tuple(1, ""));
        assertThat(proposals.activity(id)).extracting(org.commonground.audit.AuditEntry::action)
                .containsExactly(org.commonground.audit.AuditAction.PROPOSAL_CREATED, org.commonground.audit.AuditAction.PROPOSAL_REVISED);
        RevisionDiff diff = proposals.diff(id, 1, 2);
        assertThat(diff.body()).anySatisfy(s -> assertThat(s.text()).isEqualTo("social "));
        assertThatThrownBy(() -> db.update(PROPOSAL_REVISION).set(PROPOSAL_REVISION.BODY, "rewritten").execute())
                .hasMessageContaining("cannot be changed");
    }

    @Test
    void twoAuthorsSavingTheSameRevisionAtOnceOneWinsTheOtherIsToldNothingIsLost() throws Exception {
        long id = proposals.create(group, draft("Original text."));
        TestMembers.signIn(author);
        proposals.addCoAuthor(id, member.id());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (SignedInMember who : List.of(author, member)) {
            results.add(pool.submit(() -> {
                TestMembers.signIn(who);
                start.await();
                try {
                    return proposals.save(id, 1, draft("Text by " + who.displayName()));
                } catch (RevisionConflictException conflict) {
                    return conflict;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o instanceof Integer).containsExactly(2);
        RevisionConflictException conflict = (RevisionConflictException) outcomes.stream()
                .filter(o -> o instanceof RevisionConflictException).findFirst().orElseThrow();
        assertThat(conflict.current().number()).isEqualTo(2);
        assertThat(db.fetchCount(PROPOSAL_REVISION, PROPOSAL_REVISION.PROPOSAL_ID.eq(id))).isEqualTo(2);
        assertThat(db.select(PROPOSAL.CURRENT_REVISION).from(PROPOSAL).where(PROPOSAL.ID.eq(id)).fetchOne(PROPOSAL.CURRENT_REVISION)).isEqualTo(2);

        // The loser merges onto the winner's revision and saves; both revisions stay in the history.
        TestMembers.signIn(author);
        assertThat(proposals.save(id, conflict.current().number(), draft("Merged text."))).isEqualTo(3);
        assertThat(proposals.history(id)).hasSize(3);
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        int before = db.fetchCount(PROPOSAL);
        assertThatThrownBy(() -> proposals.create(group, new ProposalDraft(" ", "", "body", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("title")).isNotNull());
        assertThatThrownBy(() -> proposals.create(group, draft("x".repeat(1_000_000))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("body")).contains("400,000"));
        assertThat(db.fetchCount(PROPOSAL)).isEqualTo(before);
    }

    @Test
    void coAuthorsComeFromTheGroupAndNobodyEditsAWithdrawnProposal() {
        long id = proposals.create(group, draft("Text"));
        assertThatThrownBy(() -> proposals.addCoAuthor(id, outsider.id())).isInstanceOf(InvalidInputException.class);
        assertThat(proposals.addCoAuthor(id, member.id())).isTrue();
        assertThat(proposals.details(id).authors()).extracting(Author::memberId).containsExactly(author.id(), member.id());

        TestMembers.signIn(convenor);
        proposals.move(id, ProposalState.WITHDRAWN);
        TestMembers.signIn(author);
        assertThatThrownBy(() -> proposals.save(id, 1, draft("more"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("no longer be edited");
    }
}
