package org.commonground.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A listener that is called at most once per gap, however many changes arrive: every open page re-reads all it
 * shows when called, so one call after a burst shows the whole burst. The first change of a quiet spell is passed
 * on at once; changes during a gap are folded into one call at its end (with the latest of them), never dropped.
 */
final class Coalesced implements Consumer<LiveEvent> {

    private final Consumer<LiveEvent> target;
    private final long gapNanos;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicReference<LiveEvent> latest = new AtomicReference<>();
    private volatile long lastCalled = System.nanoTime() - Long.MAX_VALUE / 2;

    Coalesced(Consumer<LiveEvent> target, Duration gap) {
        this.target = target;
        this.gapNanos = gap.toNanos();
    }

    @Override
    public void accept(LiveEvent event) {
        latest.set(event);
        if (!pending.compareAndSet(false, true)) {
            return; // a call is already on its way, and it will read after this change was committed
        }
        Thread.startVirtualThread(() -> {
            long wait = lastCalled + gapNanos - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException stopping) {
                    pending.set(false);
                    return;
                }
            }
            // Cleared before the call: a change arriving from here on gets a call of its own.
            pending.set(false);
            lastCalled = System.nanoTime();
            target.accept(latest.get());
        });
    }
}
