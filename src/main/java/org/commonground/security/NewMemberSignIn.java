package org.commonground.security;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Signs a newcomer in straight after the registration form made their account, so they need not type their password
 * again. The form notes, in its server-side session, whose account it made; the browser then loads {@link #PATH},
 * an ordinary request, where the session gets a new id (as at any sign-in) and is signed in. The address is still
 * to be verified: until it is, every page leads to the page that says how.
 */
@Controller
public class NewMemberSignIn {

    public static final String PATH = "welcome";
    private static final Duration TIME_TO_ARRIVE = Duration.ofMinutes(2);
    static final String PENDING = NewMemberSignIn.class.getName() + ".pending";

    /** The account just made in this session; small and serializable, as it is kept in the session. */
    record Pending(String email, Instant until) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final MemberDetailsService members;
    private final Clock clock;

    NewMemberSignIn(MemberDetailsService members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    /** Called by the registration form, in its request, for the account it has just made. */
    public void accountMade(String email) {
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .setAttribute(PENDING, new Pending(email, clock.instant().plus(TIME_TO_ARRIVE)));
    }

    /** Whether this session holds an account just made, waiting for the browser to arrive at {@link #PATH}. */
    public static boolean isPending(HttpSession session) {
        return session != null && session.getAttribute(PENDING) instanceof Pending;
    }

    @GetMapping("/" + PATH)
    void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String target = "login";
        if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
            session.removeAttribute(PENDING);
            // A session signed in since (someone else at a shared browser) is never swapped for the new account.
            boolean signedInSince = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
            if (!signedInSince && pending.until().isAfter(clock.instant())) {
                SignedInMember member = members.loadUserByUsername(pending.email()).withoutPassword();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
                SecurityContextHolder.setContext(context);
                // A new session id, as at any sign-in, so that an id planted before it is useless afterwards.
                request.changeSessionId();
                request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                target = "verify-email";
            }
        }
        response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + "/" + target));
    }
}
