package org.commonground.support;

import java.util.function.BooleanSupplier;

import com.vaadin.browserless.internal.MockVaadin;

/**
 * Browserless tests of views updated from other threads (live updates through PostgreSQL, background work): the
 * updates arrive through the UI's access queue, which only {@link MockVaadin#runUIQueue()} runs, as Push would.
 */
public final class UiQueue {

    private UiQueue() {
    }

    /** Runs queued UI work until {@code done} holds, for at most five seconds; the caller then asserts. */
    public static void awaitUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            MockVaadin.runUIQueue();
            if (done.getAsBoolean() || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
