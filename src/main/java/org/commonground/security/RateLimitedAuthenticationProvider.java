package org.commonground.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a password only after taking an attempt from the account's and the address's allowance, and gives it back
 * when the password was right; and checks only a few passwords at once, since each Argon2 check holds a core and
 * 16 MB for a while: a flood of sign-ins waits briefly, then is refused, rather than taking the whole machine.
 */
class RateLimitedAuthenticationProvider implements AuthenticationProvider {

    static final String LIMIT_REACHED = "Too many failed sign-ins. Wait a minute, then try again.";

    private final DaoAuthenticationProvider passwords;
    private final SignInAttemptLimiter limiter;
    private final Semaphore passwordChecks;
    private final Duration longestWait;

    RateLimitedAuthenticationProvider(DaoAuthenticationProvider passwords, SignInAttemptLimiter limiter,
                                      int passwordChecksAtOnce, Duration longestWait) {
        this.passwords = passwords;
        this.limiter = limiter;
        this.passwordChecks = new Semaphore(passwordChecksAtOnce, true);
        this.longestWait = longestWait;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (!limiter.tryStartAttempt(email, address)) {
            throw new LockedException(LIMIT_REACHED);
        }
        Authentication result;
        try {
            result = checkPassword(authentication);
        } catch (TooManySignInsAtOnceException busy) {
            // No password was checked, so no guess was made.
            limiter.giveBackAttempt(email, address);
            throw busy;
        }
        limiter.giveBackAttempt(email, address);
        SignedInMember member = (SignedInMember) result.getPrincipal();
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                member.withoutPassword(), null, member.getAuthorities());
        signedIn.setDetails(result.getDetails());
        return signedIn;
    }

    private Authentication checkPassword(Authentication authentication) {
        try {
            if (!passwordChecks.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TooManySignInsAtOnceException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManySignInsAtOnceException();
        }
        try {
            return passwords.authenticate(authentication);
        } finally {
            passwordChecks.release();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
