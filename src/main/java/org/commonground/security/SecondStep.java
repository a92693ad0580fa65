package org.commonground.security;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The second step of a password sign-in (issue 17). When the password is right and the member has a second factor,
 * the sign-in is not kept: the session only remembers, for a few minutes, whose password it was, and the
 * {@link SecondFactorView} asks for the authenticator or recovery code; only then is the member signed in. Failed
 * codes count against the same limits as failed passwords.
 */
@Component
class SecondStep implements AuthenticationSuccessHandler {

    static final String PATH = "second-factor";
    private static final Duration TIME_TO_TYPE_THE_CODE = Duration.ofMinutes(5);
    private static final String PENDING = SecondStep.class.getName() + ".pending";

    /** A password sign-in waiting for its second step; kept in the session, so small and serializable. */
    record Pending(long memberId, String email, String target, Instant until) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    enum Outcome { SIGNED_IN, WRONG_CODE, TOO_MANY_ATTEMPTS, EXPIRED }

    private final SecondFactorService factors;
    private final MemberDetailsService members;
    private final SignInAttemptLimiter limiter;
    private final Clock clock;
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    SecondStep(SecondFactorService factors, MemberDetailsService members, SignInAttemptLimiter limiter, Clock clock) {
        this.factors = factors;
        this.members = members;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** After a right password: on to the page that was asked for, or, with a second factor, to the second step. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = requestCache.getRequest(request, response);
        String target = saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
        requestCache.removeRequest(request, response);
        SignedInMember member = (SignedInMember) authentication.getPrincipal();
        if (factors.hasSecondFactor(member.id())) {
            // Undo what the password filter saved: the session is not signed in until the second step.
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession();
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.setAttribute(PENDING, new Pending(member.id(), member.email(), target, clock.instant().plus(TIME_TO_TYPE_THE_CODE)));
            target = request.getContextPath() + "/" + PATH;
        }
        response.sendRedirect(response.encodeRedirectURL(target));
    }

    /** Whether this session has a right password waiting for its second step. */
    boolean isPending(HttpSession session) {
        return pending(session) != null;
    }

    /** Where the member goes once signed in. */
    String target(HttpSession session) {
        Pending pending = pending(session);
        return pending == null ? "/" : pending.target();
    }

    /**
     * Checks the code typed at the second step; if right, signs the session in. The session id need not change again
     * here: it changed when the password was accepted, and only this browser has had it since.
     */
    Outcome complete(HttpSession session, String address, String code) {
        Pending pending = pending(session);
        if (pending == null) {
            return Outcome.EXPIRED;
        }
        // As with passwords: the attempt is taken before the code is checked, and given back only if it was right.
        if (!limiter.tryStartAttempt(pending.email(), address)) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        if (!factors.checkSecondStep(pending.memberId(), code)) {
            return Outcome.WRONG_CODE;
        }
        limiter.giveBackAttempt(pending.email(), address);
        SignedInMember member = members.loadUserByUsername(pending.email()).withoutPassword();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        SecurityContextHolder.setContext(context);
        session.removeAttribute(PENDING);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return Outcome.SIGNED_IN;
    }

    private Pending pending(HttpSession session) {
        if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
            if (pending.until().isAfter(clock.instant())) {
                return pending;
            }
            session.removeAttribute(PENDING);
        }
        return null;
    }
}
