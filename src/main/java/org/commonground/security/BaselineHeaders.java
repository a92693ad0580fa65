package org.commonground.security;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No content sniffing and no full addresses in Referer headers to other sites, on every response; on the members'
 * pages also a Content-Security-Policy. A servlet filter, not Spring Security's header writers: the Vaadin security
 * configuration lets the sign-in page and the UI's own requests past the security filter chain, so those would go
 * without.
 */
@Component
class BaselineHeaders extends OncePerRequestFilter {

    /**
     * As strict as Vaadin allows: its client engine starts from an inline script and runs what the server sends as
     * constructed functions ({@code unsafe-inline}, {@code unsafe-eval}), but the page loads, sends and frames
     * nothing from anywhere else, embeds no plug-ins, and cannot have its base address or form targets rewritten.
     */
    static final String MEMBERS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** The public documents have a stricter policy of their own. */
    private static final RequestMatcher PUBLIC = new OrRequestMatcher(Arrays.stream(SecurityConfiguration.PUBLIC_DOCUMENTS)
            .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!PUBLIC.matches(request)) {
            response.setHeader("Content-Security-Policy", MEMBERS_POLICY);
        }
        chain.doFilter(request, response);
    }
}
