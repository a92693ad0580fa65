package org.commonground.proposal;

import java.util.List;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * What the close of the ballot on a proposal's final text does to the proposal: it becomes AGREED or NOT_AGREED, and
 * every amendment still proposed lapses with the date of the vote, since nothing can take it up any more (returning
 * the proposal to discussion does not revive it: its proposer proposes again on the redraft). The ballot's close
 * calls this after its own checks, holding the proposal's lock.
 */
@Component
public class FinalVote {


    private final ProposalRepository proposals;
    private final AmendmentRepository amendments;
    private final AuditLog audit;

    FinalVote(ProposalRepository proposals, AmendmentRepository amendments, AuditLog audit) {
        this.proposals = proposals;
        this.amendments = amendments;
        this.audit = audit;
    }

    /**
     * Decides the proposal from the closed ballot {@code ballotId}: everything is read from the stored ballot, and only
     * a proposal still being voted on moves, so a second or forged call changes nothing.
     */
    public void decided(long ballotId) {
        ProposalRepository.ClosedFinalBallot ballot = proposals.closedFinalBallot(ballotId)
                .orElseThrow(() -> new IllegalStateException("Ballot " + ballotId + " is not a closed ballot on a proposal's final text."));
        if (!proposals.changeState(ballot.proposalId(), ProposalState.VOTING,
                ballot.passed() ? ProposalState.AGREED : ProposalState.NOT_AGREED, ballot.closedBy())) {
            throw new IllegalStateException("Proposal " + ballot.proposalId() + " is no longer being voted on.");
        }
        List<Integer> lapsed = amendments.lapseOpen(ballot.proposalId(), ballot.closedAt(),
                "Not taken up before the final vote of " + Dates.day(ballot.closedAt()) + ".");
        if (!lapsed.isEmpty()) {
            List<String> cited = lapsed.stream().map(n -> "A" + n).toList();
            audit.record(ballot.closedBy(), AuditAction.AMENDMENTS_LAPSED, "proposal", ballot.proposalId(), cited.size() == 1 ? cited.getFirst()
                    : String.join(", ", cited.subList(0, cited.size() - 1)) + " and " + cited.getLast());
        }
    }
}
