package org.commonground.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void eachFailureDoublesTheWaitUpToSixHoursAndTheTwelfthIsTheLast() {
        assertThat(RetrySchedule.after(1)).hasValue(Duration.ofMinutes(1));
        assertThat(RetrySchedule.after(2)).hasValue(Duration.ofMinutes(2));
        assertThat(RetrySchedule.after(5)).hasValue(Duration.ofMinutes(16));
        assertThat(RetrySchedule.after(9)).hasValue(Duration.ofMinutes(256));
        assertThat(RetrySchedule.after(10)).hasValue(Duration.ofHours(6));
        assertThat(RetrySchedule.after(11)).hasValue(Duration.ofHours(6));
        assertThat(RetrySchedule.after(12)).isEmpty();
        assertThat(RetrySchedule.after(Integer.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> RetrySchedule.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
