package org.commonground.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per account and per client address with token buckets, so password guessing is slow
 * whether it targets one account from many addresses or many accounts from one address. Buckets refill all at
 * once each minute: "at most 5 failures a minute" holds exactly, not on average.
 */
@Component
public class SignInAttemptLimiter {

    private final Map<String, Bucket> perAccount = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final int accountFailuresPerMinute;
    private final int addressFailuresPerMinute;

    public SignInAttemptLimiter(@Value("${commonground.sign-in.failures-per-account-per-minute:5}") int accountFailuresPerMinute,
                                @Value("${commonground.sign-in.failures-per-address-per-minute:30}") int addressFailuresPerMinute) {
        this.accountFailuresPerMinute = accountFailuresPerMinute;
        this.addressFailuresPerMinute = addressFailuresPerMinute;
    }

    /** True when this account or address has used up its failed attempts for now. */
    public boolean isBlocked(String email, String address) {
        return bucket(perAccount, accountKey(email), accountFailuresPerMinute).getAvailableTokens() <= 0
                || bucket(perAddress, address, addressFailuresPerMinute).getAvailableTokens() <= 0;
    }

    public void recordFailure(String email, String address) {
        bucket(perAccount, accountKey(email), accountFailuresPerMinute).tryConsume(1);
        bucket(perAddress, address, addressFailuresPerMinute).tryConsume(1);
    }

    /** Forget buckets that have refilled, so the maps do not grow with every address ever seen. */
    @Scheduled(fixedDelay = 60_000)
    void forgetRefilledBuckets() {
        perAccount.values().removeIf(b -> b.getAvailableTokens() >= accountFailuresPerMinute);
        perAddress.values().removeIf(b -> b.getAvailableTokens() >= addressFailuresPerMinute);
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase();
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, int perMinute) {
        return buckets.computeIfAbsent(key == null ? "" : key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
