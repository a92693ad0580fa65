package org.commonground.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A moment reads as British time on every page, whatever offset the database or the server gave it. */
class DatesZoneTest {

    @Test
    void aMomentStoredInUtcReadsAsLondonTimeInSummerAndWinter() {
        assertThat(Dates.dayAndTime(OffsetDateTime.of(2026, 7, 1, 17, 0, 0, 0, ZoneOffset.UTC))).isEqualTo("1 July 2026, 18:00");
        assertThat(Dates.dayAndTime(OffsetDateTime.of(2026, 12, 1, 17, 0, 0, 0, ZoneOffset.ofHours(-5)))).isEqualTo("1 December 2026, 22:00");
        assertThat(Dates.day(OffsetDateTime.of(2026, 9, 12, 23, 30, 0, 0, ZoneOffset.UTC))).as("after midnight in London").isEqualTo("13 September 2026");
    }
}
