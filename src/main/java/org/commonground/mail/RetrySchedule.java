package org.commonground.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * When a message that failed is tried again: a minute after the first failure, then twice as long each time up to
 * six hours, and not at all after the twelfth failure (about twenty hours of trying). Pure: no framework, no I/O.
 */
public final class RetrySchedule {

    public static final int MAX_ATTEMPTS = 12;
    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofHours(6);

    private RetrySchedule() {
    }

    /** How long to wait after the {@code failures}-th failed attempt; empty when it is not to be tried again. */
    public static Optional<Duration> after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("A retry follows at least one failure, not " + failures);
        }
        if (failures >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        // The shift is bounded so a long cannot overflow; the cap applies long before.
        Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 20));
        return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }
}
