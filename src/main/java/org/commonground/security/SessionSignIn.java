package org.commonground.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Who signed this request's session in, for servlet filters that run outside Vaadin. Read from the session itself,
 * not through SecurityContextHolder, whose strategy is one static for the whole JVM: Vaadin replaces it, and with
 * more than one application in a JVM (as in the tests) the last one started answers for all.
 */
final class SessionSignIn {

    private SessionSignIn() {
    }

    static Optional<Authentication> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                ? Optional.ofNullable(context.getAuthentication()) : Optional.empty();
    }
}
