package org.commonground.proposal;

/** Who sees a comment among those who may read the proposal. */
public enum Visibility {
    /** The whole group. */
    SHARED,
    /** Only members of the author's party in the group: each party can confer privately beside the shared discussion. */
    CAUCUS;

    /** Pure: whether a reader of the proposal sees a comment with this visibility. */
    public boolean visibleTo(long authorPartyId, long authorId, long viewerPartyId, long viewerId) {
        return this == SHARED || authorPartyId == viewerPartyId || authorId == viewerId;
    }
}
