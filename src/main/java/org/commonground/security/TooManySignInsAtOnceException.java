package org.commonground.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** More passwords waiting to be checked than the bound allows: the attempt is refused unchecked, not counted. */
class TooManySignInsAtOnceException extends AuthenticationServiceException {

    TooManySignInsAtOnceException() {
        super("Too many sign-ins at once. Try again in a moment.");
    }
}
