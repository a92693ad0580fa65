package org.commonground.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks the password only while the account and address still have attempts left, and counts failures. */
class RateLimitedAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInAttemptLimiter limiter;

    RateLimitedAuthenticationProvider(DaoAuthenticationProvider passwords, SignInAttemptLimiter limiter) {
        this.passwords = passwords;
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (limiter.isBlocked(email, address)) {
            throw new LockedException("Too many failed sign-ins. Wait a minute, then try again.");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            SignedInMember member = (SignedInMember) result.getPrincipal();
            UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                    member.withoutPassword(), null, member.getAuthorities());
            signedIn.setDetails(result.getDetails());
            return signedIn;
        } catch (BadCredentialsException e) {
            limiter.recordFailure(email, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
