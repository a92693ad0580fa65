package org.commonground.security;

import java.time.OffsetDateTime;

/** A member's password was changed at {@code at}: this instance ends their older sessions at once, not at its next look. */
public record PasswordChanged(long memberId, OffsetDateTime at) {
}
