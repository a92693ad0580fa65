package org.commonground.comment;

/** Who sees a comment among those who may read the proposal. {@link CommentRepository} enforces it in every query. */
public enum Visibility {
    /** The whole group. */
    SHARED,
    /** Only members of the author's party in the group: each party can confer privately beside the shared discussion. */
    CAUCUS
}
