package org.commonground.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.time.Duration;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfiguration {

    /** The public documents' addresses: their own filter chain, headers and policy. */
    static final String[] PUBLIC_DOCUMENTS = {"/p", "/p/**", "/unsubscribe"};

    /** The public pages' Content-Security-Policy: nothing but their own stylesheets and images; no script, no framing. */
    public static final String PUBLIC_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * Published documents, the "what if" seat totals (and the unsubscribe link of emails) are public: no sign-in, no session (so they cache and scale), and strict headers, since
     * they show text members wrote. The one form (verification) still carries a CSRF token, kept in a cookie and
     * sent in the form's address.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicDocuments(HttpSecurity http) throws Exception {
        http.securityMatcher(PUBLIC_DOCUMENTS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()).csrfTokenRequestHandler(new AddressOnlyCsrfTokenHandler())
                        // The unsubscribe form carries a signed token of its own, which a forged request cannot know.
                        .ignoringRequestMatchers("/unsubscribe"))
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PUBLIC_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager signInLimited, SecondStep secondStep,
                                            WebAuthnRelyingPartyOperations relyingParty, MemberDetailsService members,
                                            EndSessionsOnPasswordChange passwordChanges) throws Exception {
        // Named, not left to discovery: otherwise the form login builds its own provider from the user details
        // service and password encoder, and the sign-in limits apply to nobody.
        http.authenticationManager(signInLimited);
        // Vaadin exempts the login form's POST from CSRF protection; the form sends the token anyway (from the
        // page's _csrf meta tag), so it is checked here: a forged POST cannot sign a victim into another account.
        CsrfFilter signInForm = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        signInForm.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"));
        signInForm.setAccessDeniedHandler((request, response, denied) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This sign-in form has expired. Open the sign-in page again and retry.");
        });
        http.addFilterBefore(signInForm, UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(passwordChanges.filter(), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/images/**", "/icons/**", "/styles/**", "/" + NewMemberSignIn.PATH).permitAll());
        // A new session id at sign-in, so a session id planted before sign-in is useless afterwards.
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login"));
        // Second factors (issue 17): a right password leads to the second step when the member has one; passkeys. After
        // Vaadin's configurer, so that its sign-in page is set before these look for one (else Spring adds its own).
        http.formLogin(form -> form.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationSuccessHandler(secondStep);
                return filter;
            }
        }));
        PasskeyConfiguration.apply(http, relyingParty, members);
        return http.build();
    }

    /** Argon2id with Spring Security's recommended cost parameters. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AuthenticationManager authenticationManager(MemberDetailsService members, PasswordEncoder encoder, SignInAttemptLimiter limiter,
                                                @Value("${commonground.sign-in.password-checks-at-once:0}") int checksAtOnce) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(members);
        passwords.setPasswordEncoder(encoder);
        // One Argon2 check per core by default: more at once only makes each slower.
        int permits = checksAtOnce > 0 ? checksAtOnce : Runtime.getRuntime().availableProcessors();
        return new ProviderManager(new RateLimitedAuthenticationProvider(passwords, limiter, permits, Duration.ofSeconds(3)));
    }
}
