package org.commonground.proposal;

import java.util.List;
import java.util.Set;

import org.commonground.proposal.text.NumberedLine;

/** A proposal as the caller may see it, with what the caller may do to it. */
public record ProposalDetails(ProposalSummary proposal, String groupName, Revision current, List<NumberedLine> lines,
                              List<Author> authors, boolean canEdit, Set<ProposalState> moves,
                              boolean canAmend, boolean canDecideAmendments, boolean canComment, boolean convenor) {

    /** A convenor publishes an agreed proposal, and publishes corrections of a published one. */
    public boolean canPublish() {
        return convenor && (proposal.state() == ProposalState.AGREED || proposal.state() == ProposalState.PUBLISHED);
    }
}
