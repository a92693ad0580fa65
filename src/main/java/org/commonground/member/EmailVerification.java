package org.commonground.member;

/** A member's address, and whether they have shown by an emailed link that it is theirs. */
public record EmailVerification(String email, boolean verified) {
}
