package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
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
    @Autowired
    MemberDetailsService members;

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
            assertThat(instanceA.tryStartAttempt(email, "203.0.113." + i)).isTrue();
        }
        assertThat(instanceB.tryStartAttempt(email.toUpperCase(), "203.0.113.200")).isFalse();
        assertThat(instanceB.tryStartAttempt(TestMembers.uniqueEmail("Unrelated"), "203.0.113.200")).isTrue();
    }

    /**
     * 300 wrong passwords at once against one account, each from its own address: the old check-then-count let
     * nearly all of them reach the password check. Exactly the limit may now be checked, the rest are refused
     * unchecked, and the right password is refused too for the rest of the minute, since the limit holds then.
     */
    @Test
    void threeHundredAttemptsAtOnceGetNoMoreThanTheLimitOfPasswordChecks() throws Exception {
        String email = testMembers.register("Besieged", "LD").email();
        Map<String, Integer> outcomes = atOnce(300, i -> attempt(email, "wrong-guess-" + i, "10.1." + (i / 250) + "." + (i % 250)));
        assertThat(outcomes).containsEntry("BadCredentialsException", 5).containsEntry("LockedException", 295).hasSize(2);
        assertThatThrownBy(() -> authentication.authenticate(attempt(email, TestMembers.PASSWORD, "10.2.0.1")))
                .isInstanceOf(LockedException.class).hasMessageContaining("Wait a minute");
    }

    @Test
    void threeHundredAttemptsAtOnceFromOneAddressGetNoMoreThanItsLimit() throws Exception {
        Map<String, Integer> outcomes = atOnce(300, i -> attempt(TestMembers.uniqueEmail("Sprayed"), "wrong-guess", "192.0.2.200"));
        // Thirty password checks on a busy machine may outlast the three-second wait for one of the cores' checks:
        // those are refused as "too many at once" and given back, so a later attempt may use them. Either way no
        // more than thirty passwords are checked, and the allowance is used, not lost.
        int checked = outcomes.getOrDefault("BadCredentialsException", 0);
        assertThat(checked).isLessThanOrEqualTo(30);
        assertThat(checked + outcomes.getOrDefault("TooManySignInsAtOnceException", 0)).isGreaterThanOrEqualTo(30);
        assertThat(outcomes).containsKey("LockedException").doesNotContainKey("signed in");
    }

    @Test
    void aSuccessfulSignInDoesNotCountAgainstTheLimit() {
        String email = testMembers.register("Regular", "LD").email();
        for (int i = 0; i < 8; i++) {
            assertThat(authentication.authenticate(attempt(email, TestMembers.PASSWORD, "198.51.100.9")).isAuthenticated()).isTrue();
        }
    }

    /** A password check beyond the ones running waits briefly, then is refused, and costs no attempt. */
    @Test
    void passwordChecksBeyondTheBoundAreRefusedAfterAShortWait() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "x";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checking.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(members);
        passwords.setPasswordEncoder(slow);
        SignInAttemptLimiter limiter = new SignInAttemptLimiter(dataSource, 5, 30);
        var provider = new RateLimitedAuthenticationProvider(passwords, limiter, 1, Duration.ofMillis(200));
        String email = testMembers.register("Flooded", "LD").email();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = pool.submit(() -> provider.authenticate(attempt(email, "wrong", "198.51.100.20")));
            checking.await();
            long started = System.nanoTime();
            assertThatThrownBy(() -> provider.authenticate(attempt(email, "wrong", "198.51.100.21")))
                    .isInstanceOf(TooManySignInsAtOnceException.class).hasMessageContaining("Too many sign-ins at once");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            release.countDown();
            assertThatThrownBy(first::get).hasCauseInstanceOf(BadCredentialsException.class);
        }
        // One failure counted (the checked one): four attempts are left, not three.
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryStartAttempt(email, "198.51.100.30")).isTrue();
        }
        assertThat(limiter.tryStartAttempt(email, "198.51.100.30")).isFalse();
    }

    /** Runs the attempts all at once (released together) and counts the outcomes by exception, or "signed in". */
    private Map<String, Integer> atOnce(int count, IntFunction<UsernamePasswordAuthenticationToken> attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                UsernamePasswordAuthenticationToken token = attempts.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        authentication.authenticate(token);
                        return "signed in";
                    } catch (AuthenticationException e) {
                        return e.getClass().getSimpleName();
                    }
                }));
            }
            start.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> result : results) {
                outcomes.merge(result.get(), 1, Integer::sum);
            }
            return outcomes;
        }
    }

    @Test
    void theSessionPrincipalCarriesNoPasswordHash() {
        String email = testMembers.register("Hashless", "LD").email();
        var result = authentication.authenticate(attempt(email, TestMembers.PASSWORD, "198.51.100.1"));
        assertThat(((SignedInMember) result.getPrincipal()).getPassword()).isNull();
        assertThat(result.getAuthorities()).extracting(Object::toString).contains("ROLE_MEMBER");
    }
}
