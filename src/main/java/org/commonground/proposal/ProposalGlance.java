package org.commonground.proposal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A proposal in brief, as one reader may see it: compared with the glance taken when a page was drawn, it tells
 * what changed since, for a fraction of the cost of reading the proposal again.
 *
 * @param commentIds       the undeleted comments on the proposal and its amendments that the reader may see
 * @param amendmentDigests one per amendment, changing whenever the amendment does
 */
public record ProposalGlance(ProposalState state, OffsetDateTime stateChangedAt, int revision, Set<Long> commentIds,
                             List<String> amendmentDigests) {

    ProposalGlance withCommentIds(Set<Long> ids) {
        return new ProposalGlance(state, stateChangedAt, revision, ids, amendmentDigests);
    }
}
