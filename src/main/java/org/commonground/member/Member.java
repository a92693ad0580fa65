package org.commonground.member;

public record Member(long id, String email, String displayName, long partyId, boolean admin) {
}
