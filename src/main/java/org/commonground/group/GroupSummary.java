package org.commonground.group;

/** A group as listed, with the caller's own standing in it (status and role are null when not a member). */
public record GroupSummary(long id, String name, GroupKind kind, Long partyId, String partyCode, String partyColour,
                           String description, int activeMembers, MembershipStatus myStatus, GroupRole myRole) {

    public boolean isActiveMember() {
        return myStatus == MembershipStatus.ACTIVE;
    }

    public boolean isConvenor() {
        return myRole == GroupRole.CONVENOR;
    }
}
