package org.commonground.publishing;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonground.security.SecurityConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The seat pages and the map that are kept in memory, answered before any other filter: in election week most
 * requests are for a few of them, and the security filter chain and the dispatcher around an answer that is already
 * made cost five times the answer (bench/run-public-pages). Only a GET or HEAD without a query, of a page kept and not
 * yet due for its re-check, is answered here, with exactly the headers the full path sends (PublicPagesHeadersTest);
 * everything else goes the full way, which re-checks, renders and keeps.
 */
class KeptPagesFilter implements Filter {

    private final PublicSeatPages pages;

    KeptPagesFilter(PublicSeatPages pages) {
        this.pages = pages;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        PublicSeatPages.Page page = (method.equals("GET") || method.equals("HEAD")) && request.getQueryString() == null
                && request.getContextPath().isEmpty() ? pages.keptNow(request.getRequestURI()) : null;
        if (page == null || page.status() != 200) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cache-Control", PublicSeatsController.SEAT_CACHE.getHeaderValue());
        response.setHeader("ETag", page.etag());
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", SecurityConfiguration.PUBLIC_POLICY);
        if (IfNoneMatch.matches(request.getHeader("If-None-Match"), page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.html().length);
        if (method.equals("GET")) {
            response.getOutputStream().write(page.html());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<KeptPagesFilter> keptPagesFilter(PublicSeatPages pages) {
            FilterRegistrationBean<KeptPagesFilter> registration = new FilterRegistrationBean<>(new KeptPagesFilter(pages));
            registration.addUrlPatterns("/p/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
