package org.commonground.proposal;

/** Published, inside the withdrawing transaction, when a proposal is withdrawn: what was being decided on it no longer is. */
public record ProposalWithdrawn(long proposalId, long withdrawnBy) {
}
