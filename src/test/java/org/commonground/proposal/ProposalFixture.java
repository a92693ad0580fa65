package org.commonground.proposal;

import java.util.List;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.support.TestMembers;

/** A cross-party group with a convenor (LAB), an author (GRN), a Green member and a Lib Dem member, and an outsider. */
final class ProposalFixture {

    final SignedInMember convenor;
    final SignedInMember author;
    final SignedInMember green;
    final SignedInMember libDem;
    final SignedInMember outsider;
    final long group;

    ProposalFixture(TestMembers testMembers, GroupService groups) {
        convenor = testMembers.register("Convenor", "LAB");
        author = testMembers.register("Author", "GRN");
        green = testMembers.register("Green member", "GRN");
        libDem = testMembers.register("Lib Dem member", "LD");
        outsider = testMembers.register("Outsider", "GRN");
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("Table " + convenor.id(), GroupKind.LOCAL, null, "Bristol East"));
        for (SignedInMember m : List.of(author, green, libDem)) {
            TestMembers.signIn(m);
            groups.requestToJoin(group);
            TestMembers.signIn(convenor);
            groups.approve(group, m.id());
        }
    }

    /** A proposal by the author, already opened for discussion by the convenor. */
    long proposalInDiscussion(ProposalService proposals, String body) {
        TestMembers.signIn(author);
        long id = proposals.create(group, new ProposalDraft("Clean rivers", "", body, ""));
        TestMembers.signIn(convenor);
        proposals.move(id, ProposalState.DISCUSSION);
        return id;
    }
}
