package org.commonground.proposal;

public record Author(long memberId, String displayName, String partyCode, String partyColour) {
}
