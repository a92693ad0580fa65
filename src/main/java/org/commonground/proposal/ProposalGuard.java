package org.commonground.proposal;

import org.commonground.group.GroupRole;
import org.commonground.group.MembershipStatus;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Finds a proposal for a caller with the caller's rights to it. A proposal the caller may not read is reported
 * exactly like one that does not exist, so ids guessed in a URL reveal nothing.
 */
@Component
public class ProposalGuard {

    public record Access(ProposalRecord proposal, ProposalAccessRules rules) {
        public ProposalState state() {
            return ProposalState.valueOf(proposal.getState());
        }
    }

    private final ProposalRepository proposals;

    ProposalGuard(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    public Access readable(long proposalId, SignedInMember me) {
        return proposals.standing(proposalId, me.id()).map(s -> new Access(s.proposal(), rules(s))).filter(a -> a.rules().canRead())
                .orElseThrow(() -> new InvalidInputException("proposal", "There is no such proposal, or you may not read it."));
    }

    private static ProposalAccessRules rules(ProposalRepository.Standing s) {
        boolean member = MembershipStatus.ACTIVE.name().equals(s.membershipStatus());
        // Authorship counts only while the author is in the group: one who left (or was removed) keeps nothing.
        return new ProposalAccessRules(ProposalState.valueOf(s.proposal().getState()), s.proposal().getDiscussedAt() != null,
                member && s.author(), member, member && GroupRole.CONVENOR.name().equals(s.role()));
    }

}
