package org.commonground.pact;

import java.time.Duration;

/**
 * When a party that has yet to ratify is reminded, counted back from the pact's ratification deadline: a by-election
 * pact is made in days, so the steps are close together.
 */
public enum ReminderStep {
    TWO_DAYS(Duration.ofDays(2), "two days"),
    ONE_DAY(Duration.ofDays(1), "one day"),
    LAST_HOURS(Duration.ofHours(3), "three hours");

    private final Duration before;
    private final String words;

    ReminderStep(Duration before, String words) {
        this.before = before;
        this.words = words;
    }

    /** How long before the deadline this reminder goes. */
    public Duration before() {
        return before;
    }

    /** "two days": how long is left, at most, when it goes. */
    public String words() {
        return words;
    }
}
