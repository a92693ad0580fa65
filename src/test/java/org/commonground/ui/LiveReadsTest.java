package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

class LiveReadsTest {

    @Test
    void aReReadRunsWithTheReadersRightsAndLeavesNoneBehindOnItsThread() throws Exception {
        LiveReads reads = new LiveReads(10);
        SecurityContext reader = SecurityContextHolder.createEmptyContext();
        reader.setAuthentication(new TestingAuthenticationToken("reader", null));

        Object seen = reads.read(reader, () -> SecurityContextHolder.getContext().getAuthentication().getName());

        assertThat(seen).isEqualTo("reader");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void thePageReadsForWhoOpenedItEvenWhenTheSessionsContextChangesLater() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("opener", null));
        try {
            SecurityContext reader = LiveReads.reader();
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone else", null));

            Object seen = new LiveReads(10).read(reader, () -> SecurityContextHolder.getContext().getAuthentication().getName());

            assertThat(seen).isEqualTo("opener");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void atMostHalfThePoolReReadsAtOnceAndTheOthersWaitTheirTurn() throws Exception {
        LiveReads reads = new LiveReads(4);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch twoIn = new CountDownLatch(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            threads.add(Thread.startVirtualThread(() -> {
                try {
                    reads.read(SecurityContextHolder.createEmptyContext(), () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        twoIn.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return null;
                    });
                    done.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
        // The other three are queued for a permit, not inside: however long they are given, none gets in.
        for (int i = 0; i < 20; i++) {
            Thread.yield();
        }
        assertThat(inside.get()).isEqualTo(2);
        release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(done.get()).isEqualTo(5);
        assertThat(most.get()).isEqualTo(2);
    }
}
