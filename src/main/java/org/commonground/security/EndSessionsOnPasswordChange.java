package org.commonground.security;

import static org.commonground.jooq.Tables.MEMBER;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>
 * The changes are kept in memory and brought up to date at most once a second, by one query for the changes since
 * the last (a change on this instance is known at once): asked of the database at every request, as it was, the
 * check took a pooled connection for every click of every member, and at 2,000 members it queued behind the pool
 * (bench/run-load: the largest single share of the time requests waited for a connection).
 */
@Component
class EndSessionsOnPasswordChange {

    private static final String SIGNED_IN_AT = EndSessionsOnPasswordChange.class.getName() + ".signedInAt";
    private static final long REFRESH_NANOS = 1_000_000_000L;
    /**
     * Changes are read again from this far before the last read: a reset's time is taken before its transaction
     * commits, so a change may become visible after a read that already looked past its time.
     */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final DSLContext db;
    private final Clock clock;
    private final Map<Long, OffsetDateTime> changes = new ConcurrentHashMap<>();
    private final ReentrantLock refreshing = new ReentrantLock();
    /** Changes at or after this are not yet known; null until the first read, which reads every recorded change. */
    private volatile OffsetDateTime readFrom;
    private volatile long nextRefresh = System.nanoTime();

    EndSessionsOnPasswordChange(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SIGNED_IN_AT, OffsetDateTime.now(), RequestAttributes.SCOPE_SESSION);
        }
    }

    @EventListener
    void passwordChanged(PasswordChanged changed) {
        changes.merge(changed.memberId(), changed.at(), (a, b) -> a.isAfter(b) ? a : b);
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
        refreshIfDue();
        OffsetDateTime changed = changes.get(member.id());
        return changed != null && changed.isAfter(signedInAt);
    }

    /** One request a second reads the changes since the last read; the others go on with what is known. */
    private void refreshIfDue() {
        if (System.nanoTime() - nextRefresh < 0 || !refreshing.tryLock()) {
            return;
        }
        try {
            if (System.nanoTime() - nextRefresh < 0) {
                return;
            }
            OffsetDateTime from = readFrom;
            OffsetDateTime now = OffsetDateTime.now(clock);
            var query = db.select(MEMBER.ID, MEMBER.CREDENTIALS_CHANGED_AT).from(MEMBER).where(MEMBER.CREDENTIALS_CHANGED_AT.isNotNull());
            if (from != null) {
                query = query.and(MEMBER.CREDENTIALS_CHANGED_AT.ge(from.minus(OVERLAP)));
            }
            query.fetch().forEach(r -> changes.merge(r.value1(), r.value2(), (a, b) -> a.isAfter(b) ? a : b));
            readFrom = now;
        } catch (DataAccessException | org.jooq.exception.DataAccessException unreachable) {
            // While the database is away nothing can be read or changed anyway; the page says so itself, and the
            // next request tries again.
        } finally {
            nextRefresh = System.nanoTime() + REFRESH_NANOS;
            refreshing.unlock();
        }
    }
}
