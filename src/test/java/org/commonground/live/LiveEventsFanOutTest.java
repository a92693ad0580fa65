package org.commonground.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        Runnable stop = events.listen("ballot", 7, e -> seen.add(LiveEvents.heardWhenCalled()));
        events.deliver(VOTE);
        Long first = seen.poll(5, TimeUnit.SECONDS);
        assertThat(first).as("a page called sees the stamp of what it was called for").isEqualTo(events.heard("ballot", 7)).isPositive();
        stop.run();
        assertThat(events.heard("ballot", 7)).isZero();

        Runnable again = events.listen("ballot", 7, e -> seen.add(LiveEvents.heardWhenCalled()));
        events.deliver(VOTE);
        assertThat(seen.poll(5, TimeUnit.SECONDS)).as("a copy read before nobody listened is never taken for new").isGreaterThan(first);
        again.run();
    }

    @Test
    void aPageStillWaitingForItsTurnIsNotQueuedAgainByTheNextWave() throws Exception {
        LiveEvents events = new LiveEvents();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch allBusy = new CountDownLatch(LiveEvents.AT_ONCE);
        for (int i = 0; i < LiveEvents.AT_ONCE; i++) {
            // Pages taking every turn until released, as a slow wave would.
            events.listen("ballot", 7, e -> {
                allBusy.countDown();
                try {
                    busy.await();
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        events.deliver(VOTE);
        assertThat(allBusy.await(5, TimeUnit.SECONDS)).as("every turn is taken").isTrue();

        BlockingQueue<Long> waiting = new LinkedBlockingQueue<>();
        events.listen("ballot", 7, e -> waiting.add(LiveEvents.heardWhenCalled()));
        // Two more waves, a gap apart, while the page waits for its turn from the first of them.
        events.deliver(new LiveEvent("ballot", 7, "VOTE_CHANGED"));
        Thread.sleep(LiveEvents.BALLOT_GAP.toMillis() + 500);
        events.deliver(new LiveEvent("ballot", 7, "VOTE_CAST"));
        long latest = events.heard("ballot", 7);
        Thread.sleep(LiveEvents.BALLOT_GAP.toMillis() + 500);
        busy.countDown();

        assertThat(waiting.poll(5, TimeUnit.SECONDS)).as("called for the later change too").isEqualTo(latest);
        assertThat(waiting.poll(1, TimeUnit.SECONDS)).as("one call, not one per wave").isNull();
    }

    @Test
    void aBallotsPagesAreCalledAgainSoonerThanOtherPages() throws Exception {
        LiveEvents events = new LiveEvents();
        BlockingQueue<Long> ballot = new LinkedBlockingQueue<>();
        BlockingQueue<Long> proposal = new LinkedBlockingQueue<>();
        events.listen("ballot", 7, e -> ballot.add(System.nanoTime()));
        events.listen("proposal", 7, e -> proposal.add(System.nanoTime()));
        for (String topic : new String[] {"ballot", "proposal"}) {
            events.deliver(new LiveEvent(topic, 7, "FIRST"));
        }
        Long ballotFirst = ballot.poll(5, TimeUnit.SECONDS);
        Long proposalFirst = proposal.poll(5, TimeUnit.SECONDS);
        for (String topic : new String[] {"ballot", "proposal"}) {
            events.deliver(new LiveEvent(topic, 7, "SECOND")); // within the gap: called at its end
        }
        Long ballotSecond = ballot.poll(5, TimeUnit.SECONDS);
        Long proposalSecond = proposal.poll(5, TimeUnit.SECONDS);

        assertThat(List.of(ballotFirst, proposalFirst, ballotSecond, proposalSecond)).doesNotContainNull();
        assertThat((ballotSecond - ballotFirst) / 1_000_000).isBetween(LiveEvents.BALLOT_GAP.toMillis() - 50, LiveEvents.GAP.toMillis() - 50);
        assertThat((proposalSecond - proposalFirst) / 1_000_000).isGreaterThanOrEqualTo(LiveEvents.GAP.toMillis() - 50);
    }
}
