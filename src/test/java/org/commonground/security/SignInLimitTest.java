package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@IntegrationTest
class SignInLimitTest {

    @Autowired
    AuthenticationManager authentication;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DataSource dataSource;

    private static UsernamePasswordAuthenticationToken attempt(String email, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    @Test
    void aSixthAttemptWithinAMinuteIsRefusedEvenWithTheRightPassword() {
        String email = testMembers.register("Target", "LD").email();
        for (int i = 0; i < 5; i++) {
            String address = "10.0.0." + i;
            assertThatThrownBy(() -> authentication.authenticate(attempt(email, "wrong-password-guess", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authentication.authenticate(attempt(email.toUpperCase(), TestMembers.PASSWORD, "10.0.0.99")))
                .isInstanceOf(LockedException.class).hasMessageContaining("Wait a minute");
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDown() {
        String address = "192.0.2.77";
        for (int i = 0; i < 30; i++) {
            String email = "nobody" + i + "@example.org";
            assertThatThrownBy(() -> authentication.authenticate(attempt(email, "wrong-password-guess", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        String realEmail = testMembers.register("Bystander", "LD").email();
        assertThatThrownBy(() -> authentication.authenticate(attempt(realEmail, TestMembers.PASSWORD, address)))
                .isInstanceOf(LockedException.class);
        assertThat(authentication.authenticate(attempt(realEmail, TestMembers.PASSWORD, "192.0.2.78")).isAuthenticated()).isTrue();
    }

    @Test
    void failuresCountedByOneAppInstanceBlockTheOther() {
        SignInAttemptLimiter instanceA = new SignInAttemptLimiter(dataSource, 5, 30);
        SignInAttemptLimiter instanceB = new SignInAttemptLimiter(dataSource, 5, 30);
        String email = TestMembers.uniqueEmail("Shared");
        for (int i = 0; i < 5; i++) {
            assertThat(instanceB.isBlocked(email, "203.0.113.1")).isFalse();
            instanceA.recordFailure(email, "203.0.113." + i);
        }
        assertThat(instanceB.isBlocked(email.toUpperCase(), "203.0.113.200")).isTrue();
        assertThat(instanceB.isBlocked(TestMembers.uniqueEmail("Unrelated"), "203.0.113.200")).isFalse();
    }

    @Test
    void theSessionPrincipalCarriesNoPasswordHash() {
        String email = testMembers.register("Hashless", "LD").email();
        var result = authentication.authenticate(attempt(email, TestMembers.PASSWORD, "198.51.100.1"));
        assertThat(((SignedInMember) result.getPrincipal()).getPassword()).isNull();
        assertThat(result.getAuthorities()).extracting(Object::toString).contains("ROLE_MEMBER");
    }
}
