package org.commonground.security;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per account and per client address with token buckets, so password guessing is slow
 * whether it targets one account from many addresses or many accounts from one address. The buckets live in
 * PostgreSQL, so the limits hold across app instances, and refill all at once each minute: "at most 5 failures a
 * minute" holds exactly, not on average.
 */
@Component
public class SignInAttemptLimiter {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> perAccount;
    private final Supplier<BucketConfiguration> perAddress;

    public SignInAttemptLimiter(DataSource dataSource,
                                @Value("${commonground.sign-in.failures-per-account-per-minute:5}") int accountFailuresPerMinute,
                                @Value("${commonground.sign-in.failures-per-address-per-minute:30}") int addressFailuresPerMinute) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("sign_in_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        BucketConfiguration account = perMinute(accountFailuresPerMinute);
        BucketConfiguration address = perMinute(addressFailuresPerMinute);
        this.perAccount = () -> account;
        this.perAddress = () -> address;
    }

    /**
     * Takes one attempt from the address's and then the account's allowance, before the password is checked, so
     * that attempts made at once cannot all pass a check that none of them has yet counted against. False, and
     * nothing taken, when either is used up.
     */
    public boolean tryStartAttempt(String email, String address) {
        BucketProxy byAddress = addressBucket(address);
        if (!byAddress.tryConsume(1)) {
            return false;
        }
        if (!accountBucket(email).tryConsume(1)) {
            byAddress.addTokens(1);
            return false;
        }
        return true;
    }

    /** Gives back the attempt of a sign-in that succeeded, or was never checked: only failures count. */
    public void giveBackAttempt(String email, String address) {
        addressBucket(address).addTokens(1);
        accountBucket(email).addTokens(1);
    }

    /** Sweeps buckets that have refilled, so the table does not grow with every address ever seen. */
    @Scheduled(fixedDelay = 60_000)
    void removeRefilledBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // keep sweeping in batches
        }
    }

    private BucketProxy accountBucket(String email) {
        return buckets.builder().build("account:" + (email == null ? "" : email.strip().toLowerCase()), perAccount);
    }

    private BucketProxy addressBucket(String address) {
        return buckets.builder().build("address:" + (address == null ? "unknown" : address), perAddress);
    }

    private static BucketConfiguration perMinute(int failures) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillIntervally(failures, Duration.ofMinutes(1)).build())
                .build();
    }
}
