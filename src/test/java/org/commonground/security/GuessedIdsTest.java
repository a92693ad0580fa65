package org.commonground.security;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupService;
import org.commonground.pact.PactService;
import org.commonground.pact.PactAmendmentService;
import org.commonground.pact.PactGroupsService;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.proposal.AmendmentService;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.publishing.PublishingService;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ids guessed by someone outside the group: every call that takes the id of a proposal, amendment, comment, ballot,
 * pact, pact amendment, group or invitation answers for one that exists exactly as for one that does not (the same
 * refusal, word for word), so trying ids reveals nothing, not even that something is there.
 */
@IntegrationTest
class GuessedIdsTest {

    static final long NOWHERE = 987_654_321L;
    static final BallotSettings BALLOT = new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null);

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    AmendmentService amendments;
    @Autowired
    BallotService ballots;
    @Autowired
    PactService pacts;
    @Autowired
    PactAmendmentService pactAmendments;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    PactGroupsService pactGroups;
    @Autowired
    PublishingService publishing;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private record Guess(String call, long existing, LongFunction<?> run) {
    }

    @Test
    void anIdOutsideOnesGroupsIsAnsweredAsIfNothingWereThere() {
        Cast cast = new Cast(testMembers, groups);
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        List<String> problems = new ArrayList<>();
        rolledBack.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            cast.signIn(Who.AUTHOR);
            long proposal = proposals.create(cast.group, new ProposalDraft("Guessable", "", "Some words.\n\nMore words.\n", ""));
            cast.signIn(Who.CONVENOR);
            proposals.move(proposal, ProposalState.DISCUSSION);
            cast.signIn(Who.MEMBER);
            long amendment = amendments.propose(proposal, 1, 1, 1, "Other words.", "Because it is better.").id();
            long comment = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Said."));
            cast.signIn(Who.CONVENOR);
            long ballot = ballots.open(proposal, amendment, BALLOT);
            long pact = pacts.start(cast.group, "Guessable pact", List.of(Cast.ALDERSHOT), null);
            pacts.openNegotiation(pact);
            cast.signIn(Who.AUTHOR);
            PactTerms terms = new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "GRN", Map.of("LAB", Stance.STANDS_DOWN))), "");
            long pactAmendment = pactAmendments.proposeAmendment(pact, terms, "");
            cast.signIn(Who.CONVENOR);
            groups.invite(cast.group, "guessed-" + cast.tag + "@example.org");
            long invitation = groups.openInvitations(cast.group).getFirst().id();

            List<Guess> guesses = List.of(
                    new Guess("proposal details", proposal, proposals::details),
                    new Guess("proposal history", proposal, proposals::history),
                    new Guess("proposal draft PDF", proposal, publishing::proposalDraftPdf),
                    new Guess("watch a proposal", proposal, id -> {
                        proposals.setWatching(id, true);
                        return null;
                    }),
                    new Guess("save a proposal", proposal, id -> proposals.save(id, 1, new ProposalDraft("Mine", "", "Mine.\n", ""))),
                    new Guess("move a proposal", proposal, id -> {
                        proposals.move(id, ProposalState.VOTING);
                        return null;
                    }),
                    new Guess("add a co-author", proposal, id -> proposals.addCoAuthor(id, cast.id(Who.OTHER_GROUP))),
                    new Guess("a proposal's comments", proposal, comments::thread),
                    new Guess("comment on a proposal", proposal, id -> comments.post(id, NewComment.onProposal(Visibility.SHARED, "Hello?"))),
                    new Guess("a proposal's amendments", proposal, amendments::list),
                    new Guess("amend a proposal", proposal, id -> amendments.propose(id, 1, 1, 1, "Mine.", "Because it is better.")),
                    new Guess("a proposal's ballots", proposal, ballots::ballotsOf),
                    new Guess("open a ballot", proposal, id -> ballots.open(id, null, BALLOT)),
                    new Guess("publish a proposal", proposal, publishing::publishProposal),
                    new Guess("accept an amendment", amendment, amendments::accept),
                    new Guess("reject an amendment", amendment, id -> amendments.reject(id, "No.")),
                    new Guess("withdraw an amendment", amendment, amendments::withdraw),
                    new Guess("merge an amendment", amendment, amendments::mergeAfterBallot),
                    new Guess("edit a comment", comment, id -> {
                        comments.edit(id, "Mine now.");
                        return null;
                    }),
                    new Guess("delete a comment", comment, id -> {
                        comments.delete(id);
                        return null;
                    }),
                    new Guess("ballot details", ballot, ballots::details),
                    new Guess("ballot details brought up to date", ballot, id -> ballots.liveDetails(id, 0)),
                    new Guess("vote", ballot, id -> {
                        ballots.vote(id, Choice.FOR, "");
                        return null;
                    }),
                    new Guess("close a ballot", ballot, ballots::close),
                    new Guess("cancel a ballot", ballot, id -> {
                        ballots.cancelRatification(id, "Guessing.");
                        return null;
                    }),
                    new Guess("pact details", pact, pacts::details),
                    new Guess("pact activity", pact, pacts::activity),
                    new Guess("pact draft PDF", pact, publishing::pactDraftPdf),
                    new Guess("a pact's comments", pact, comments::threadOfPact),
                    new Guess("comment on a pact", pact, id -> comments.postOnPact(id, NewComment.onProposal(Visibility.SHARED, "Hello?"))),
                    new Guess("revise a pact", pact, id -> pacts.revise(id, 1, terms, "")),
                    new Guess("amend a pact", pact, id -> pactAmendments.proposeAmendment(id, terms, "")),
                    new Guess("sign a pact", pact, id -> {
                        ratification.sign(id, "GRN", true, "");
                        return null;
                    }),
                    new Guess("collapse a pact", pact, id -> {
                        pacts.collapse(id, "Guessing.");
                        return null;
                    }),
                    new Guess("watch a pact", pact, id -> {
                        pacts.setWatching(id, true);
                        return null;
                    }),
                    new Guess("a pact's possible representatives", pact, id -> ratification.possibleRepresentatives(id, "GRN")),
                    new Guess("publish a pact", pact, publishing::publishPact),
                    new Guess("a pact's groups", pact, pactGroups::groupsOf),
                    new Guess("groups to invite to a pact", pact, pactGroups::invitable),
                    new Guess("invite a group to a pact", pact, id -> {
                        pactGroups.invite(id, cast.otherGroup);
                        return null;
                    }),
                    new Guess("accept joining a pact", pact, id -> {
                        pactGroups.accept(id, cast.otherGroup);
                        return null;
                    }),
                    new Guess("decline joining a pact", pact, id -> {
                        pactGroups.decline(id, cast.otherGroup);
                        return null;
                    }),
                    new Guess("take a group out of a pact", pact, id -> {
                        pactGroups.leave(id, cast.otherGroup, "Guessing.");
                        return null;
                    }),
                    new Guess("accept a pact amendment", pactAmendment, pactAmendments::acceptAmendment),
                    new Guess("reject a pact amendment", pactAmendment, id -> {
                        pactAmendments.rejectAmendment(id, "No.");
                        return null;
                    }),
                    new Guess("withdraw a pact amendment", pactAmendment, id -> {
                        pactAmendments.withdrawAmendment(id);
                        return null;
                    }),
                    new Guess("a group's members", cast.group, groups::members),
                    new Guess("set a group's line width", cast.group, id -> {
                        groups.setLineWidth(id, 60);
                        return null;
                    }),
                    new Guess("approve into a group", cast.group, id -> groups.approve(id, cast.id(Who.OTHER_GROUP))),
                    new Guess("a group's invitations", cast.group, groups::openInvitations),
                    new Guess("a group's constituencies", cast.group, pacts::constituenciesOf),
                    new Guess("accept an invitation", invitation, groups::acceptInvitation),
                    new Guess("decline an invitation", invitation, groups::declineInvitation));

            for (Who guesser : new Who[] {Who.OTHER_GROUP, Who.JOINED, Who.ADMIN, Who.LEFT}) {
                cast.signIn(guesser);
                for (Guess guess : guesses) {
                    String there = answer(savepoint, guess, guess.existing());
                    String nowhere = answer(savepoint, guess, NOWHERE);
                    if (!there.equals(nowhere)) {
                        problems.add(guesser.word + ", " + guess.call() + ": an id that exists gets \"" + there
                                + "\", one that does not \"" + nowhere + "\"");
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            fail("Guessed ids tell apart what exists:\n  " + String.join("\n  ", problems));
        }
    }

    /** The refusal, word for word, or "answered"; in a savepoint rolled back after it. */
    private static String answer(TransactionTemplate savepoint, Guess guess, long id) {
        return savepoint.execute(sp -> {
            sp.setRollbackOnly();
            try {
                guess.run().apply(id);
                return "answered";
            } catch (AccessDeniedException | InvalidInputException refused) {
                return refused.getClass().getSimpleName() + ": " + refused.getMessage();
            }
        });
    }
}
