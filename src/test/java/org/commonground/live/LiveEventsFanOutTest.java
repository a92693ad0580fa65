package org.commonground.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** How the pages of one subject are called: a few at a time, each after the stamp of what was heard has moved. */
class LiveEventsFanOutTest {

    private static final LiveEvent VOTE = new LiveEvent("ballot", 7, "VOTE_CAST");

    @Test
    void everyPageIsCalledButOnlyAFewReReadAtOnce() throws Exception {
        LiveEvents events = new LiveEvents();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch called = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            events.listen("ballot", 7, e -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(10); // a re-read, so that the calls overlap
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                called.countDown();
            });
        }
        events.deliver(VOTE);
        assertThat(called.await(10, TimeUnit.SECONDS)).as("every page is called").isTrue();
        assertThat(most.get()).isBetween(1, LiveEvents.AT_ONCE);
    }

    @Test
    void theStampMovesBeforeThePagesAreCalledOnlyWhileSomeoneListensAndIsNeverReused() throws Exception {
        LiveEvents events = new LiveEvents();
        events.deliver(VOTE);
        assertThat(events.heard("ballot", 7)).as("nobody listens, so nothing is heard").isZero();

        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        Runnable stop = events.listen("ballot", 7, e -> seen.add(events.heard("ballot", 7)));
        events.deliver(VOTE);
        Long first = seen.poll(5, TimeUnit.SECONDS);
        assertThat(first).as("a page called sees the stamp of what it was called for").isNotNull().isPositive();
        stop.run();
        assertThat(events.heard("ballot", 7)).isZero();

        Runnable again = events.listen("ballot", 7, e -> seen.add(events.heard("ballot", 7)));
        events.deliver(VOTE);
        assertThat(seen.poll(5, TimeUnit.SECONDS)).as("a copy read before nobody listened is never taken for new").isGreaterThan(first);
        again.run();
    }
}
