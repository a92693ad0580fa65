package org.commonground.proposal;

import org.commonground.group.MembershipRepository;
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
    private final MembershipRepository memberships;

    ProposalGuard(ProposalRepository proposals, MembershipRepository memberships) {
        this.proposals = proposals;
        this.memberships = memberships;
    }

    public Access readable(long proposalId, SignedInMember me) {
        return proposals.find(proposalId).map(p -> new Access(p, rules(p, me))).filter(a -> a.rules().canRead())
                .orElseThrow(() -> new InvalidInputException("proposal", "There is no such proposal, or you may not read it."));
    }

    public ProposalAccessRules rules(ProposalRecord p, SignedInMember me) {
        boolean member = memberships.status(p.getGroupId(), me.id()).orElse(null) == MembershipStatus.ACTIVE;
        // Authorship counts only while the author is in the group: one who left (or was removed) keeps nothing.
        return new ProposalAccessRules(ProposalState.valueOf(p.getState()), p.getDiscussedAt() != null,
                member && proposals.isAuthor(p.getId(), me.id()), member, member && memberships.isConvenor(p.getGroupId(), me.id()));
    }
}
