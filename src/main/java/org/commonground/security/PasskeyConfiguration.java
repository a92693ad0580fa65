package org.commonground.security;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.util.function.SingletonSupplier;

/**
 * Passkeys through Spring Security's own WebAuthn support, stored in its own tables (V21). The relying party (the
 * domain passkeys are bound to, and the origins the browser may be on) comes from configuration, as it must match
 * the address members use: {@code commonground.passkeys.rp-id} and {@code commonground.passkeys.origins}.
 */
@Configuration
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(DataSource dataSource) {
        return new JdbcPublicKeyCredentialUserEntityRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    UserCredentialRepository passkeys(DataSource dataSource, SecondFactorService factors) {
        return new NotifyingCredentials(new JdbcUserCredentialRepository(new JdbcTemplate(dataSource)), factors);
    }

    /**
     * Built at the first passkey request, not at start-up: with no origins configured, the one origin is this server's
     * own address on localhost, whose port is known only once it listens (a test's random port, say).
     */
    @Bean
    WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
                                                Environment environment,
                                                @Value("${commonground.passkeys.rp-id:localhost}") String rpId,
                                                @Value("${commonground.passkeys.origins:}") List<String> origins) {
        SingletonSupplier<WebAuthnRelyingPartyOperations> relyingParty = SingletonSupplier.of(() -> {
            Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(
                    users, credentials, PublicKeyCredentialRpEntity.builder().id(rpId).name(SecondFactorService.ISSUER).build(),
                    Set.copyOf(origins.isEmpty() ? List.of("http://localhost:" + environment.getProperty("local.server.port", "8080")) : origins));
            // A passkey stands in for the password and the second step together, so the device must check its owner
            // (PIN, fingerprint, face) every time: Spring's default only prefers it, and then a found key is enough.
            operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                    .residentKey(ResidentKeyRequirement.REQUIRED).userVerification(UserVerificationRequirement.REQUIRED).build()));
            operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
            return operations;
        });
        return new WebAuthnRelyingPartyOperations() {
            @Override
            public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(PublicKeyCredentialCreationOptionsRequest request) {
                return relyingParty.obtain().createPublicKeyCredentialCreationOptions(request);
            }

            @Override
            public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
                return relyingParty.obtain().registerCredential(request);
            }

            @Override
            public PublicKeyCredentialRequestOptions createCredentialRequestOptions(PublicKeyCredentialRequestOptionsRequest request) {
                return relyingParty.obtain().createCredentialRequestOptions(request);
            }

            @Override
            public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
                return relyingParty.obtain().authenticate(request);
            }
        };
    }

    /**
     * Adds the passkey endpoints to the members' filter chain. A passkey sign-in is a full sign-in (the device checked
     * its owner), and ends with the same principal, and a new session id, as a password sign-in. Removing a passkey
     * goes through the Security page, which asks for the password and emails the member, so Spring's own delete
     * endpoint is closed.
     */
    static void apply(HttpSecurity http, WebAuthnRelyingPartyOperations relyingParty, MemberDetailsService members) throws Exception {
        // Vaadin's rules refuse addresses that are not its views, so the registration (handled after them) is let in;
        // Spring's delete endpoint is closed by name too, so that it stays closed should those rules change.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.DELETE, "/webauthn/register/**").denyAll()
                .requestMatchers(HttpMethod.POST, "/webauthn/register").authenticated());
        http.addFilterBefore(new RegistrationOptions(relyingParty), AuthorizationFilter.class);
        http.webAuthn(webAuthn -> webAuthn.rpName(SecondFactorService.ISSUER).disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(new ProviderManager(
                                new AsSignedInMember(new WebAuthnAuthenticationProvider(relyingParty, members), members)));
                        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                        return filter;
                    }
                }));
    }

    /**
     * Answers {@code POST /webauthn/register/options} in place of Spring's own filter, which reads the signed-in
     * member through the security-context strategy current when it was built, before Vaadin installed its own, and
     * so finds nobody signed in. Otherwise the same: the options are kept in the session for the registration.
     */
    private static final class RegistrationOptions extends OncePerRequestFilter {

        private final RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register/options");
        private final WebAuthnRelyingPartyOperations relyingParty;
        private final HttpSessionPublicKeyCredentialCreationOptionsRepository options = new HttpSessionPublicKeyCredentialCreationOptionsRepository();
        private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter(
                JsonMapper.builder().addModule(new WebauthnJacksonModule()).build());

        RegistrationOptions(WebAuthnRelyingPartyOperations relyingParty) {
            this.relyingParty = relyingParty;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!path.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            Authentication member = SessionSignIn.of(request).orElse(null);
            // Signed in, and the password typed on the Security page just now: a session alone adds no passkey.
            if (member == null || !(member.getPrincipal() instanceof SignedInMember)
                    || !SecondFactorService.takePasskeyRegistration(request.getSession(), Instant.now())) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            PublicKeyCredentialCreationOptions created = relyingParty.createPublicKeyCredentialCreationOptions(
                    new ImmutablePublicKeyCredentialCreationOptionsRequest(member));
            options.save(request, response, created);
            json.write(created, MediaType.APPLICATION_JSON, new ServletServerHttpResponse(response));
        }
    }

    /** Spring's passkey sign-in names the member; the app's services expect the {@link SignedInMember} itself. */
    private record AsSignedInMember(AuthenticationProvider passkeys, MemberDetailsService members) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication request) {
            Authentication verified = passkeys.authenticate(request);
            SignedInMember member = members.loadUserByUsername(verified.getName()).withoutPassword();
            UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities());
            signedIn.setDetails(request.getDetails());
            return signedIn;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return passkeys.supports(authentication);
        }
    }

    /** Tells the member when Spring Security saves a passkey that is new (it also saves one after each use). */
    private record NotifyingCredentials(UserCredentialRepository stored, SecondFactorService factors) implements UserCredentialRepository {

        @Override
        public void save(CredentialRecord record) {
            boolean added = stored.findByCredentialId(record.getCredentialId()) == null;
            stored.save(record);
            if (added) {
                factors.passkeyAdded(record.getUserEntityUserId().toBase64UrlString(), record.getLabel());
            }
        }

        @Override
        public void delete(Bytes credentialId) {
            stored.delete(credentialId);
        }

        @Override
        public CredentialRecord findByCredentialId(Bytes credentialId) {
            return stored.findByCredentialId(credentialId);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return stored.findByUserId(userId);
        }
    }
}
