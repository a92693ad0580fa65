package org.commonground.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CoalescedTest {

    private static LiveEvent vote(int n) {
        return new LiveEvent("ballot", 1, "VOTE_CAST_" + n);
    }

    @Test
    void aBurstIsPassedOnAsTheFirstChangeAtOnceAndOneCallAfterTheGapNeverMore() throws Exception {
        BlockingQueue<Long> calls = new LinkedBlockingQueue<>();
        BlockingQueue<LiveEvent> passed = new LinkedBlockingQueue<>();
        long start = System.nanoTime();
        Coalesced listener = new Coalesced(e -> {
            passed.add(e);
            calls.add(System.nanoTime() - start);
        }, Duration.ofMillis(400));

        listener.accept(vote(0));
        Long first = calls.poll(1, TimeUnit.SECONDS);
        assertThat(first).isNotNull().isLessThan(Duration.ofMillis(200).toNanos());
        for (int i = 1; i <= 20; i++) {
            listener.accept(vote(i));
        }
        Long second = calls.poll(2, TimeUnit.SECONDS);
        assertThat(second).as("the changes during the gap are not dropped").isNotNull();
        assertThat(second - first).isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
        assertThat(passed).containsExactly(vote(0), vote(20));
        assertThat(calls.poll(800, TimeUnit.MILLISECONDS)).as("twenty changes in a gap make one call").isNull();

        // After a quiet spell longer than the gap, a change is passed on at once again.
        long before = System.nanoTime() - start;
        listener.accept(vote(21));
        assertThat(calls.poll(1, TimeUnit.SECONDS) - before).isLessThan(Duration.ofMillis(200).toNanos());
    }
}
