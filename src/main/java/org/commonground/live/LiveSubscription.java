package org.commonground.live;

import java.util.function.Consumer;

/**
 * One open page's subscription to the subject it shows. The page moves it when it shows another subject, and points
 * it at nothing while it shows nothing (a subject the reader may not see, or none): a page that refuses to show
 * something must not hear, and pass on to its browser, when that thing changes.
 */
public final class LiveSubscription {

    private final LiveEvents events;
    private final String topic;
    private long id;
    private Runnable stop = () -> { };

    LiveSubscription(LiveEvents events, String topic) {
        this.events = events;
        this.topic = topic;
    }

    /**
     * Listens to the subject {@code id}, or to nothing when {@code id} is 0; already listening to it, nothing
     * changes (no announcement is missed in between).
     */
    public synchronized void follow(long id, Consumer<LiveEvent> listener) {
        if (id == this.id) {
            return;
        }
        stop();
        if (id != 0) {
            stop = events.listen(topic, id, listener);
            this.id = id;
        }
    }

    public synchronized void stop() {
        stop.run();
        stop = () -> { };
        id = 0;
    }
}
