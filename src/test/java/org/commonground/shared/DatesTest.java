package org.commonground.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Dates are written the British way whatever the machine's own locale is. */
class DatesTest {

    @Test
    void datesAreBritishOnAnAmericanServer() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            LocalDateTime when = LocalDateTime.of(2026, 9, 12, 18, 5);
            assertThat(Dates.day(when)).isEqualTo("12 September 2026");
            assertThat(Dates.dayAndTime(when)).isEqualTo("12 September 2026, 18:05");
            assertThat(Dates.recent(when)).isEqualTo("12 Sept, 18:05");
        } finally {
            Locale.setDefault(before);
        }
    }
}
