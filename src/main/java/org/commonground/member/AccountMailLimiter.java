package org.commonground.member;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits the requests that email an address not yet proven to be the asker's (registering, asking for a reset
 * link), so nobody can flood someone's inbox through the app: per typed address, whether or not it has an account
 * (otherwise the refusal itself would tell), and per client address, for a web request. Token buckets in the same
 * PostgreSQL table as the sign-in limits, so every instance shares them and its sweep removes refilled ones.
 */
@Component
class AccountMailLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> perRecipient;
    private final Supplier<BucketConfiguration> perClient;

    AccountMailLimiter(DataSource dataSource,
                       @Value("${commonground.account-mail.per-recipient-per-hour:3}") int perRecipientPerHour,
                       @Value("${commonground.account-mail.per-client-per-hour:10}") int perClientPerHour) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("sign_in_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(WINDOW))
                .build();
        BucketConfiguration recipient = perHour(perRecipientPerHour);
        BucketConfiguration client = perHour(perClientPerHour);
        this.perRecipient = () -> recipient;
        this.perClient = () -> client;
    }

    /** Takes one request from the client's and the typed address's allowance; empty when allowed, else why not. */
    Optional<String> refusal(String normalisedEmail) {
        Optional<String> client = clientAddress();
        if (client.isPresent() && !buckets.builder().build("mail-client:" + client.get(), perClient).tryConsume(1)) {
            return Optional.of("Too many requests from your network in the last hour. Try again later.");
        }
        if (!buckets.builder().build("mail-to:" + normalisedEmail.toLowerCase(), perRecipient).tryConsume(1)) {
            return Optional.of("We have sent as many messages to this address as we send in an hour. "
                    + "Look in its inbox (and spam folder), or try again later.");
        }
        return Optional.empty();
    }

    /** The web client's address (the proxy's forwarded one, when it is trusted); empty outside a web request. */
    private static Optional<String> clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()).map(HttpServletRequest::getRemoteAddr) : Optional.empty();
    }

    private static BucketConfiguration perHour(int requests) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillIntervally(requests, WINDOW).build())
                .build();
    }
}
