package org.commonground.group;

/** A member of a group as their party's delegation sees them: a delegate, a confirmed member, or only claiming the party. */
public record DelegationMember(long memberId, String displayName, boolean delegate, boolean confirmed) {
}
