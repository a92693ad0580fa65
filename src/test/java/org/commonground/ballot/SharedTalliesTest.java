package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.live.LiveEvent;
import org.commonground.live.LiveEvents;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Pages brought up to date after votes they heard of share one read of the ballot's votes per instance, and still
 * each is shown only what its reader may see: the same as the page loaded afresh would show them.
 */
@IntegrationTest
class SharedTalliesTest {

    @Autowired
    BallotService ballots;
    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    LiveEvents live;

    SignedInMember convenor;
    final List<SignedInMember> members = new ArrayList<>();
    final List<Runnable> listening = new ArrayList<>();

    @AfterEach
    void stop() {
        listening.forEach(Runnable::run);
        TestMembers.signOut();
    }

    private long ballot(boolean secret) {
        TestMembers.signIn(convenor);
        long id = proposals.create(groupOf, new ProposalDraft("Motion " + secret, "", "We agree.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        proposals.move(id, ProposalState.VOTING);
        return ballots.open(id, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, secret, 0, 0, null));
    }

    long groupOf;

    private void group() {
        convenor = testMembers.register("Shared convenor", "LAB");
        TestMembers.signIn(convenor);
        groupOf = groups.create(new NewGroup("Shared tallies " + convenor.id(), GroupKind.ALLIANCE, null, null));
        members.add(convenor);
        for (String party : List.of("GRN", "LD")) {
            SignedInMember m = testMembers.register(party + " voter", party);
            TestMembers.signIn(m);
            groups.requestToJoin(groupOf);
            TestMembers.signIn(convenor);
            groups.approve(groupOf, m.id());
            members.add(m);
        }
    }

    /** Listens as an open page does, and returns what it hears. */
    private BlockingQueue<LiveEvent> page(long ballot) {
        BlockingQueue<LiveEvent> heard = new LinkedBlockingQueue<>();
        listening.add(live.listen("ballot", ballot, heard::add));
        return heard;
    }

    /** Casts a vote and waits until a listening page has heard of it (and so of everything before it). */
    private void voteHeard(SignedInMember who, long ballot, Choice choice, BlockingQueue<LiveEvent> page) throws InterruptedException {
        TestMembers.signIn(who);
        ballots.vote(ballot, choice, "");
        LiveEvent event;
        do {
            event = page.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("the vote is heard").isNotNull();
        } while (!event.action().equals("VOTE_CAST"));
    }

    private BallotDetails liveAs(SignedInMember reader, long ballot) {
        TestMembers.signIn(reader);
        return ballots.liveDetails(ballot, live.heard("ballot", ballot));
    }

    private BallotDetails freshAs(SignedInMember reader, long ballot) {
        TestMembers.signIn(reader);
        return ballots.details(ballot);
    }

    @Test
    void readersShareOneCopyOfAnOpenBallotsVotesAndAreShownWhatAFreshPageShowsThem() throws Exception {
        group();
        long ballot = ballot(false);
        BlockingQueue<LiveEvent> page = page(ballot);
        voteHeard(members.get(1), ballot, Choice.FOR, page);

        BallotDetails first = liveAs(members.get(0), ballot);
        BallotDetails second = liveAs(members.get(2), ballot);
        assertThat(second.votes()).as("one read for both pages").isSameAs(first.votes());
        assertThat(first).isEqualTo(freshAs(members.get(0), ballot));
        assertThat(second).isEqualTo(freshAs(members.get(2), ballot));
        assertThat(first.votes()).extracting(NamedVote::choice).containsExactly(Choice.FOR);
        assertThat(second.myChoice()).as("each reader's own vote is their own").isNull();
        assertThat(liveAs(members.get(1), ballot).myChoice()).isEqualTo(Choice.FOR);

        // A change heard since is read again, not served from the copy.
        voteHeard(members.get(2), ballot, Choice.AGAINST, page);
        BallotDetails after = liveAs(members.get(0), ballot);
        assertThat(after.votes()).isNotSameAs(first.votes()).extracting(NamedVote::choice).containsExactlyInAnyOrder(Choice.FOR, Choice.AGAINST);
        assertThat(after).isEqualTo(freshAs(members.get(0), ballot));
    }

    @Test
    void theSharedCopyShowsNoOneASecretBallotsChoicesNorAnOutsiderAnything() throws Exception {
        group();
        long secret = ballot(true);
        BlockingQueue<LiveEvent> page = page(secret);
        voteHeard(members.get(1), secret, Choice.AGAINST, page);

        for (SignedInMember reader : members) {
            BallotDetails shown = liveAs(reader, secret);
            assertThat(shown).isEqualTo(freshAs(reader, secret));
            assertThat(shown.votes()).isEmpty();
            assertThat(shown.voted()).isEqualTo(1);
            assertThat(shown.parties()).allSatisfy(p -> assertThat(p.forVotes() + p.against() + p.abstain()).isZero());
        }

        SignedInMember outsider = testMembers.register("Not in the group", "GRN");
        assertThatThrownBy(() -> liveAs(outsider, secret)).isInstanceOfAny(InvalidInputException.class, AccessDeniedException.class);
    }

    @Test
    void aPageJustVotedOnShowsTheVoteBeforeItIsHeard() {
        group();
        long ballot = ballot(false);
        page(ballot); // listening, so copies are kept; nothing here waits for the vote to be heard
        assertThat(liveAs(members.get(0), ballot).votes()).as("a copy kept from before the vote").isEmpty();
        TestMembers.signIn(members.get(1));
        ballots.vote(ballot, Choice.FOR, "");

        BallotDetails voter = freshAs(members.get(1), ballot);
        assertThat(voter.myChoice()).isEqualTo(Choice.FOR);
        assertThat(voter.votes()).extracting(NamedVote::choice).containsExactly(Choice.FOR);

        TestMembers.signIn(members.get(2));
        ballots.vote(ballot, Choice.AGAINST, "");
        assertThat(freshAs(members.get(2), ballot).votes()).extracting(NamedVote::choice).containsExactlyInAnyOrder(Choice.FOR, Choice.AGAINST);
    }
}
