package org.commonground.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void countsAreGroupedInThreesAsBritishFormattingGroupsThem() {
        for (long count : new long[] {0, 7, 999, 1_000, 14_212, 100_000, 1_234_567, -1_234, -999, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(Numbers.grouped(count)).as("%d", count).isEqualTo(String.format(Locale.UK, "%,d", count));
        }
    }
}
