package org.commonground.security;

import static org.commonground.jooq.Tables.MEMBER;

import java.io.IOException;
import java.time.OffsetDateTime;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jooq.DSLContext;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a member's sessions that signed in before their password last changed, on their next request: after a
 * reset, whoever knew the old password (and any browser left signed in) is out, in every app instance, since the
 * time of the change is in the database. The session remembers when it signed in.
 */
@Component
class EndSessionsOnPasswordChange {

    private static final String SIGNED_IN_AT = EndSessionsOnPasswordChange.class.getName() + ".signedInAt";

    private final DSLContext db;

    EndSessionsOnPasswordChange(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SIGNED_IN_AT, OffsetDateTime.now(), RequestAttributes.SCOPE_SESSION);
        }
    }

    /** Not a bean itself, or Spring Boot would also run it outside the security filter chain. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && SessionSignIn.of(request).map(Authentication::getPrincipal).orElse(null) instanceof SignedInMember member
                        && signedInBeforePasswordChanged(session, member)) {
                    SecurityContextHolder.clearContext();
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean signedInBeforePasswordChanged(HttpSession session, SignedInMember member) {
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof OffsetDateTime signedInAt)) {
            // Signed in some other way, or before this check existed: counted from now on.
            session.setAttribute(SIGNED_IN_AT, OffsetDateTime.now());
            return false;
        }
        OffsetDateTime changed;
        try {
            changed = db.select(MEMBER.CREDENTIALS_CHANGED_AT).from(MEMBER).where(MEMBER.ID.eq(member.id()))
                    .fetchOne(MEMBER.CREDENTIALS_CHANGED_AT);
        } catch (DataAccessException | org.jooq.exception.DataAccessException unreachable) {
            // While the database is away nothing can be read or changed anyway; the page says so itself, and the
            // check runs again on the next request.
            return false;
        }
        return changed != null && changed.isAfter(signedInAt);
    }
}
