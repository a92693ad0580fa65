package org.commonground.group;

import java.time.OffsetDateTime;

/**
 * A person's membership (or request) in a group, as its members and convenors see it. {@code partyConfirmed}: the
 * party confirmed the member's claim to it (always so for non-party members).
 */
public record GroupMember(long memberId, String displayName, String partyCode, String partyColour, boolean partyConfirmed,
                          MembershipStatus status, GroupRole role, OffsetDateTime requestedAt, OffsetDateTime joinedAt) {

    /** How a page says it beside the name. */
    public String partyNote() {
        return partyConfirmed ? "" : partyCode + " claimed, not confirmed by the party";
    }
}
