package org.commonground.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalService;
import org.commonground.support.TestMembers;

/**
 * The people of the access matrix, one per {@link Who}, and their local group (Aldershot and Bristol Central):
 * registered and committed once per test class, so that every row of a table is tried by the same people.
 */
final class Cast {

    static final String ALDERSHOT = "E14001063";
    static final String BRISTOL = "E14001131";

    private final Map<Who, SignedInMember> people = new EnumMap<>(Who.class);
    private final GroupService groups;
    /** Makes display names unique, so that an @mention names exactly one person. */
    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final long group;
    final long otherGroup;
    /** The third local group, convened by {@link Who#JOINED}: the one that joins pacts spanning several groups. */
    final long joinedGroup;

    Cast(TestMembers testMembers, GroupService groups) {
        this.groups = groups;
        // With no admin configured, the first account of a database becomes its admin: let that be nobody in the cast.
        testMembers.register("First account " + tag, "NONE");
        people.put(Who.CONVENOR, testMembers.register("Ceri Convenor " + tag, "LAB"));
        people.put(Who.AUTHOR, testMembers.register("Awen Author " + tag, "GRN"));
        people.put(Who.MEMBER, testMembers.register("Morgan Member " + tag, "GRN"));
        people.put(Who.OTHER_PARTY, testMembers.register("Olwen Otherparty " + tag, "LD"));
        people.put(Who.ADMIN, testMembers.registerAdmin("Ade Admin " + tag));
        people.put(Who.OTHER_GROUP, testMembers.register("Gwil Othergroup " + tag, "GRN"));
        people.put(Who.LEFT, testMembers.register("Lowri Left " + tag, "GRN"));
        people.put(Who.JOINED, testMembers.register("Jo Joined " + tag, "LD"));
        people.put(Who.CLAIMED, testMembers.registerClaimed("Cai Claimed " + tag, "GRN"));

        signIn(Who.CONVENOR);
        group = groups.create(new NewGroup("Matrix town " + tag, GroupKind.LOCAL, "Where the access matrix is tried",
                "Aldershot (" + ALDERSHOT + ")\nBristol Central (" + BRISTOL + ")"));
        for (Who who : new Who[] {Who.AUTHOR, Who.MEMBER, Who.OTHER_PARTY, Who.LEFT, Who.CLAIMED}) {
            join(who);
        }
        leave(Who.LEFT);
        // Each party's delegate in the group: the convenor for Labour, the author for the Greens, the Lib Dem for theirs.
        for (Who who : new Who[] {Who.CONVENOR, Who.AUTHOR, Who.OTHER_PARTY}) {
            testMembers.appointDelegate(group, get(who));
        }
        signIn(Who.OTHER_GROUP);
        otherGroup = groups.create(new NewGroup("Matrix elsewhere " + tag, GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        signIn(Who.JOINED);
        joinedGroup = groups.create(new NewGroup("Matrix beyond " + tag, GroupKind.LOCAL, null, "Bristol Central (" + BRISTOL + ")"));
        TestMembers.signOut();
    }

    SignedInMember get(Who who) {
        return people.get(who);
    }

    long id(Who who) {
        return people.get(who).id();
    }

    String name(Who who) {
        return people.get(who).displayName();
    }

    /** Acts as {@code who}; {@link Who#PUBLIC} is nobody signed in. */
    void signIn(Who who) {
        if (who == Who.PUBLIC) {
            TestMembers.signOut();
        } else {
            TestMembers.signIn(people.get(who));
        }
    }

    /** Asks to join the group and is approved by the convenor. */
    void join(Who who) {
        signIn(who);
        groups.requestToJoin(group);
        signIn(Who.CONVENOR);
        groups.approve(group, id(who));
    }

    void leave(Who who) {
        signIn(who);
        groups.remove(group, id(who));
    }

    /** The member who has left rejoins, is made a co-author of the author's proposal, and leaves again. */
    void coAuthorWhoLeft(ProposalService proposals, long proposal) {
        join(Who.LEFT);
        signIn(Who.AUTHOR);
        proposals.addCoAuthor(proposal, id(Who.LEFT));
        leave(Who.LEFT);
    }

    /** "@Name" for everyone in the cast: a comment with it mentions them all. */
    String mentionEveryone() {
        StringBuilder all = new StringBuilder();
        people.values().forEach(p -> all.append(" @").append(p.displayName()));
        return all.toString().strip();
    }
}
