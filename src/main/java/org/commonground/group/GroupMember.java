package org.commonground.group;

import java.time.OffsetDateTime;

/** A person's membership (or request) in a group, as its members and convenors see it. */
public record GroupMember(long memberId, String displayName, String partyCode, String partyColour,
                          MembershipStatus status, GroupRole role, OffsetDateTime requestedAt, OffsetDateTime joinedAt) {
}
