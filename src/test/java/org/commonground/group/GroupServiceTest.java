package org.commonground.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class GroupServiceTest {

    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private long createLocalGroup(SignedInMember convenor) {
        TestMembers.signIn(convenor);
        return groups.create(new NewGroup("Bristol " + convenor.id(), GroupKind.LOCAL, "All of Bristol",
                "Bristol Central (E14001131)\nBristol East"));
    }

    private int membershipRows(long groupId, long memberId) {
        return db.fetchCount(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.GROUP_ID.eq(groupId).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId)));
    }

    @Test
    void theCreatorConvenesAndAPartyGroupIsTheirOwnParty() {
        SignedInMember green = testMembers.register("Gwyneth", "GRN");
        TestMembers.signIn(green);
        long id = groups.create(new NewGroup("Greens of " + green.id(), GroupKind.PARTY, "", null));
        GroupSummary group = groups.details(id).summary();
        assertThat(group.partyCode()).isEqualTo("GRN");
        assertThat(group.isConvenor()).isTrue();
        assertThat(groups.myGroups()).extracting(GroupSummary::id).contains(id);
    }

    @Test
    void aLocalGroupKeepsItsConstituenciesInOrder() {
        long id = createLocalGroup(testMembers.register("Local", "LAB"));
        assertThat(groups.details(id).constituencies())
                .containsExactly(new Constituency("Bristol Central", "E14001131"), new Constituency("Bristol East", null));
    }

    @Test
    void badGroupInputIsNamedAtItsFieldAndNothingIsStored() {
        TestMembers.signIn(testMembers.register("Sloppy", "LAB"));
        int before = db.fetchCount(GROUPS);
        assertThatThrownBy(() -> groups.create(new NewGroup("x".repeat(10_000), GroupKind.ALLIANCE, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("name")).contains("at most 120"));
        assertThatThrownBy(() -> groups.create(new NewGroup("No seats", GroupKind.LOCAL, null, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("constituencies")).contains("at least one"));
        assertThatThrownBy(() -> groups.create(new NewGroup("Bad code", GroupKind.LOCAL, null, "Somewhere (E1400)")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("constituencies")).startsWith("Line 1"));
        assertThat(db.fetchCount(GROUPS)).isEqualTo(before);
    }

    @Test
    void aGroupNameIsTakenWhateverItsCase() {
        SignedInMember a = testMembers.register("Namer", "LAB");
        TestMembers.signIn(a);
        groups.create(new NewGroup("Same Name " + a.id(), GroupKind.ALLIANCE, null, null));
        assertThatThrownBy(() -> groups.create(new NewGroup("SAME NAME " + a.id(), GroupKind.ALLIANCE, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("name")).contains("already a group"));
    }

    @Test
    void askingTwiceLeavesOneRequestAndTheConvenorApprovesIt() {
        SignedInMember convenor = testMembers.register("Convenor", "LAB");
        SignedInMember joiner = testMembers.register("Joiner", "GRN");
        long group = createLocalGroup(convenor);

        TestMembers.signIn(joiner);
        assertThat(groups.requestToJoin(group)).isEqualTo(MembershipStatus.REQUESTED);
        assertThat(groups.requestToJoin(group)).isEqualTo(MembershipStatus.REQUESTED);
        assertThat(membershipRows(group, joiner.id())).isEqualTo(1);
        assertThatThrownBy(() -> groups.members(group)).isInstanceOf(AccessDeniedException.class);

        TestMembers.signIn(convenor);
        assertThat(groups.members(group)).extracting(GroupMember::memberId, GroupMember::status)
                .contains(org.assertj.core.groups.Tuple.tuple(joiner.id(), MembershipStatus.REQUESTED));
        assertThat(groups.approve(group, joiner.id())).isTrue();
        assertThat(groups.approve(group, joiner.id())).as("second approval is a no-op").isFalse();

        TestMembers.signIn(joiner);
        assertThat(groups.requestToJoin(group)).as("a member asking again stays a member").isEqualTo(MembershipStatus.ACTIVE);
        assertThat(groups.members(group)).extracting(GroupMember::memberId).contains(convenor.id(), joiner.id());
    }

    @Test
    void approvingInTwoTabsAtOnceMakesOneMembershipAndOneAuditEvent() throws Exception {
        SignedInMember convenor = testMembers.register("Tabby", "LAB");
        SignedInMember joiner = testMembers.register("Waiting", "LD");
        long group = createLocalGroup(convenor);
        TestMembers.signIn(joiner);
        groups.requestToJoin(group);

        int tabs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            Callable<Boolean> approve = () -> {
                TestMembers.signIn(convenor);
                start.await();
                return groups.approve(group, joiner.id());
            };
            results.add(pool.submit(approve));
        }
        start.countDown();
        int changed = 0;
        for (Future<Boolean> result : results) {
            changed += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(changed).isEqualTo(1);
        assertThat(membershipRows(group, joiner.id())).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("JOIN_APPROVED").and(AUDIT_EVENT.SUBJECT_ID.eq(group))
                .and(AUDIT_EVENT.DETAIL.eq("member " + joiner.id())))).isEqualTo(1);
    }

    @Test
    void onlyConvenorsDecide() {
        SignedInMember convenor = testMembers.register("Boss", "LAB");
        SignedInMember member = testMembers.register("Plain", "GRN");
        SignedInMember other = testMembers.register("Other", "LD");
        long group = createLocalGroup(convenor);
        TestMembers.signIn(member);
        groups.requestToJoin(group);
        TestMembers.signIn(other);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, member.id());

        TestMembers.signIn(member);
        assertThatThrownBy(() -> groups.approve(group, other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.promote(group, member.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.remove(group, convenor.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.invite(group, "x@example.org")).isInstanceOf(AccessDeniedException.class);
        TestMembers.signOut();
        assertThatThrownBy(() -> groups.myGroups()).isInstanceOf(AccessDeniedException.class);
        assertThat(membershipRows(group, other.id())).isEqualTo(1);
    }

    @Test
    void aPartyGroupTakesOnlyItsOwnPartysMembers() {
        SignedInMember snp = testMembers.register("Morag", "SNP");
        TestMembers.signIn(snp);
        long group = groups.create(new NewGroup("SNP branch " + snp.id(), GroupKind.PARTY, null, null));
        SignedInMember labour = testMembers.register("Outsider", "LAB");
        TestMembers.signIn(labour);
        assertThatThrownBy(() -> groups.requestToJoin(group)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only members of that party");
        assertThat(membershipRows(group, labour.id())).isZero();
    }

    @Test
    void promoteRemoveAndTheLastConvenorStays() {
        SignedInMember convenor = testMembers.register("Founder", "LAB");
        SignedInMember member = testMembers.register("Deputy", "GRN");
        long group = createLocalGroup(convenor);
        TestMembers.signIn(member);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, member.id());

        assertThatThrownBy(() -> groups.remove(group, convenor.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("needs a convenor"));
        assertThat(groups.promote(group, member.id())).isTrue();
        assertThat(groups.promote(group, member.id())).isFalse();
        assertThat(groups.remove(group, convenor.id())).as("with a second convenor, the founder may leave").isTrue();

        TestMembers.signIn(member);
        assertThat(groups.details(group).summary().isConvenor()).isTrue();
        assertThat(membershipRows(group, convenor.id())).isZero();
    }

    @Test
    void anInvitationBecomesAMembershipWhenAccepted() {
        SignedInMember convenor = testMembers.register("Inviter", "LAB");
        long group = createLocalGroup(convenor);
        SignedInMember invitee = testMembers.register("Invitee", "PC");

        TestMembers.signIn(convenor);
        assertThat(groups.invite(group, invitee.email().toUpperCase())).isTrue();
        assertThat(groups.invite(group, invitee.email())).as("one open invitation per address").isFalse();
        assertThatThrownBy(() -> groups.invite(group, "not an email")).isInstanceOf(InvalidInputException.class);

        SignedInMember stranger = testMembers.register("Stranger", "PC");
        TestMembers.signIn(stranger);
        assertThat(groups.myInvitations()).isEmpty();

        TestMembers.signIn(invitee);
        Invitation invitation = groups.myInvitations().getFirst();
        assertThat(invitation.groupId()).isEqualTo(group);
        TestMembers.signIn(stranger);
        assertThatThrownBy(() -> groups.acceptInvitation(invitation.id())).isInstanceOf(InvalidInputException.class);

        TestMembers.signIn(invitee);
        assertThat(groups.acceptInvitation(invitation.id())).isTrue();
        assertThat(groups.acceptInvitation(invitation.id())).as("accepting twice is a no-op").isFalse();
        assertThat(groups.details(group).summary().isActiveMember()).isTrue();
        assertThat(groups.myInvitations()).isEmpty();
        assertThat(membershipRows(group, invitee.id())).isEqualTo(1);

        TestMembers.signIn(convenor);
        assertThatThrownBy(() -> groups.invite(group, invitee.email()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("email")).contains("already in this group"));
    }

    @Test
    void onlyAConvenorSetsTheLineWidthWithinSensibleBounds() {
        SignedInMember convenor = testMembers.register("Typesetter", "LAB");
        SignedInMember member = testMembers.register("Reader", "GRN");
        long group = createLocalGroup(convenor);
        TestMembers.signIn(member);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, member.id());
        assertThat(groups.details(group).lineWidth()).isEqualTo(80);
        assertThatThrownBy(() -> groups.setLineWidth(group, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("lineWidth")).contains("between 40 and 200"));
        groups.setLineWidth(group, 60);
        assertThat(groups.details(group).lineWidth()).isEqualTo(60);
        TestMembers.signIn(member);
        assertThatThrownBy(() -> groups.setLineWidth(group, 100)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDatabaseItselfRefusesADuplicateMembership() {
        SignedInMember convenor = testMembers.register("Strict", "LAB");
        long group = createLocalGroup(convenor);
        assertThatThrownBy(() -> db.insertInto(GROUP_MEMBERSHIP)
                .set(GROUP_MEMBERSHIP.GROUP_ID, group).set(GROUP_MEMBERSHIP.MEMBER_ID, convenor.id())
                .set(GROUP_MEMBERSHIP.STATUS, "REQUESTED").execute())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
