package org.commonground.proposal;

/**
 * Who may read, edit and move a proposal (DESIGN.md, "Who may see what"). Pure: the caller's standing comes in,
 * the rights come out. Admins have no content rights beyond a member's.
 *
 * @param author         the caller is an author or co-author and still an active member of the group (an author who
 *                       has left the group keeps no rights to its proposals)
 * @param groupMember    the caller is an active member of the proposal's group
 * @param convenor       the caller convenes that group
 */
public record ProposalAccessRules(ProposalState state, boolean everDiscussed, boolean author, boolean groupMember, boolean convenor) {

    /** Mirrored in SQL by the {@code proposal_reader} view (V24) for search and notifications; ProposalReadersAgreeTest keeps them one. */
    public boolean canRead() {
        return switch (state) {
            case DRAFT -> author || convenor;
            case WITHDRAWN -> author || convenor || everDiscussed && groupMember;
            default -> author || convenor || groupMember;
        };
    }

    /** Authors edit their draft and, once the group sees it, until voting starts. */
    public boolean canEdit() {
        return author && (state == ProposalState.DRAFT || state == ProposalState.DISCUSSION);
    }

    public boolean canMove(ProposalState to) {
        return convenor && state.convenorMoves().contains(to);
    }

    public boolean canAddCoAuthors() {
        return canEdit();
    }

    /** Group members propose amendments while the group discusses the text. */
    public boolean canAmend() {
        return groupMember && state == ProposalState.DISCUSSION;
    }

    /** Authors, or the convenor, accept or reject amendments during discussion. */
    public boolean canDecideAmendments() {
        return (author || convenor) && state == ProposalState.DISCUSSION;
    }

    /**
     * Authors confer on their draft; once the group sees the text, its members comment until the vote ends. A
     * convenor only reads a draft ("Who may see what": read, not comment).
     */
    public boolean canComment() {
        return switch (state) {
            case DRAFT -> author;
            case DISCUSSION, VOTING -> canRead();
            default -> false;
        };
    }
}
