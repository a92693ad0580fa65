package org.commonground.support;

import java.util.ArrayList;
import java.util.List;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.jooq.DSLContext;

/**
 * Groups full of members with work to do: in each, a proposal under discussion to comment on and one in voting
 * with an open ballot, for the load benchmark and the crash test. Every member signs in with
 * {@link TestMembers#PASSWORD}.
 */
public final class BusyGroups {

    private static final String[] PARTIES = {"LAB", "GRN", "LD", "SNP", "PC", "WEP"};

    /** One member's place: where they comment and where they vote. */
    public record Seat(long memberId, String email, long proposalId, long ballotId) {
    }

    private BusyGroups() {
    }

    /**
     * {@code groups} groups of {@code perGroup} members (the convenor included). The convenors are registered through
     * the service; the other members are inserted with the convenor's password hash, since hashing hundreds of
     * passwords would only measure Argon2. Memberships are in place before the ballots open, so all may vote.
     */
    public static List<Seat> create(TestMembers members, DSLContext db, GroupService groupService, ProposalService proposals,
                                    BallotService ballots, int groups, int perGroup) {
        // Its members sign in through the pages, which an admin without a second factor could not get past.
        members.registrarFirst();
        String tag = Long.toString(System.nanoTime(), 36);
        List<Seat> seats = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            SignedInMember convenor = members.register("Busy convenor " + g, PARTIES[g % PARTIES.length]);
            TestMembers.signIn(convenor);
            long group = groupService.create(new NewGroup("Busy group " + tag + " " + g, GroupKind.ALLIANCE, null, null));
            String prefix = "busy-" + tag + "-" + g + "-";
            // Verified, and confirmed by their parties (here, by the convenor), so that they count in ballots.
            db.execute("insert into member (email, display_name, party_id, password_hash, email_verified_at, party_confirmed_at, party_confirmed_by) "
                    + "select ? || n || '@example.org', 'Busy member ' || ? || '.' || n, "
                    + "(select id from party where code = (array['LAB','GRN','LD','SNP','PC','WEP'])[1 + n % 6]), "
                    + "(select password_hash from member where id = ?), now(), now(), ? from generate_series(1, ?) n",
                    prefix, g, convenor.id(), convenor.id(), perGroup - 1);
            db.execute("insert into group_membership (group_id, member_id, status, role, joined_at) "
                    + "select ?, id, 'ACTIVE', 'MEMBER', now() from member where email like ?", group, prefix + "%");

            TestMembers.signIn(convenor);
            long discussed = proposals.create(group, new ProposalDraft("Busy discussion " + g, "", "A text to talk about.\n", ""));
            proposals.move(discussed, ProposalState.DISCUSSION);
            long voted = proposals.create(group, new ProposalDraft("Busy vote " + g, "", "A text to vote on.\n", ""));
            proposals.move(voted, ProposalState.DISCUSSION);
            proposals.move(voted, ProposalState.VOTING);
            long ballot = ballots.open(voted, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
            TestMembers.signOut();

            seats.add(new Seat(convenor.id(), convenor.email(), discussed, ballot));
            db.fetch("select id, email from member where email like ? order by id", prefix + "%")
                    .forEach(r -> seats.add(new Seat(r.get(0, Long.class), r.get(1, String.class), discussed, ballot)));
        }
        return seats;
    }
}
