package org.commonground.publishing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many PDF uploads to {@code /p/verify} this instance checks at once, and how many it takes from one address a
 * minute: anyone may upload without signing in, so neither a flood from one address nor one from many may take the
 * threads, disk and memory the public pages need. Both are per instance, as what they protect is.
 */
@Component
class VerifyUploadLimits {

    enum Refusal { TOO_MANY_FROM_ADDRESS, ONE_AT_A_TIME, ALL_BUSY }

    private final Semaphore slots;
    private final int perAddressPerMinute;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    /** Addresses with an upload being read: one each, or a client trickling a few bytes into each slot holds them all. */
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();

    VerifyUploadLimits(@Value("${commonground.verify.concurrent-uploads:4}") int concurrentUploads,
            @Value("${commonground.verify.uploads-per-address-per-minute:10}") int perAddressPerMinute) {
        this.slots = new Semaphore(concurrentUploads);
        this.perAddressPerMinute = perAddressPerMinute;
    }

    /** Empty when the upload may go ahead, and then the caller must {@link #leave} once done with it. */
    Optional<Refusal> tryEnter(String address) {
        if (!byAddress.computeIfAbsent(address, a -> newBucket()).tryConsume(1)) {
            return Optional.of(Refusal.TOO_MANY_FROM_ADDRESS);
        }
        if (!uploading.add(address)) {
            return Optional.of(Refusal.ONE_AT_A_TIME);
        }
        if (!slots.tryAcquire()) {
            uploading.remove(address);
            return Optional.of(Refusal.ALL_BUSY);
        }
        return Optional.empty();
    }

    void leave(String address) {
        uploading.remove(address);
        slots.release();
    }

    /** Forgets addresses whose minute has refilled, so the map does not grow with every address ever seen. */
    @Scheduled(fixedDelay = 60_000)
    void forgetRefilledAddresses() {
        byAddress.values().removeIf(bucket -> bucket.getAvailableTokens() >= perAddressPerMinute);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perAddressPerMinute)
                .refillIntervally(perAddressPerMinute, Duration.ofMinutes(1)).build()).build();
    }
}
