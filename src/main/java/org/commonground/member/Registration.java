package org.commonground.member;

/** What a newcomer types into the registration form. */
public record Registration(String email, String displayName, Long partyId, String password) {
}
