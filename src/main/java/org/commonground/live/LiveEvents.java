package org.commonground.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Open views register here for the changes of what they show, and hear of every committed change to it, made on
 * any app instance (the announcements come through PostgreSQL, see {@link PostgresListener}). Each listener is
 * called on a thread of its own, so a slow page cannot hold up the others.
 */
@Component
public class LiveEvents {

    static final Duration GAP = Duration.ofSeconds(2);

    private final Map<String, Set<Consumer<LiveEvent>>> listeners = new ConcurrentHashMap<>();

    /**
     * Calls {@code listener} after changes to the subject, at most once per {@link #GAP}: a busy ballot would
     * otherwise have every open page re-read it at every vote, and a tally brought up to date every two seconds reads
     * as live. (Measured with bench/run-load: at one second, re-reads took 40% of the instance's time.)
     *
     * @return what stops listening (call it when the view detaches)
     */
    public Runnable listen(String topic, long id, Consumer<LiveEvent> listener) {
        String key = topic + ":" + id;
        Consumer<LiveEvent> coalesced = new Coalesced(listener, GAP);
        listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(coalesced);
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(coalesced);
            return set.isEmpty() ? null : set;
        });
    }

    /** A subscription for a page that shows one subject of {@code topic} at a time. */
    public LiveSubscription subscription(String topic) {
        return new LiveSubscription(this, topic);
    }

    /** How many open pages listen for changes of this subject (for monitoring, and for the tests of who may listen). */
    public int listeners(String topic, long id) {
        return listeners.getOrDefault(topic + ":" + id, Set.of()).size();
    }

    void deliver(LiveEvent event) {
        listeners.getOrDefault(event.topic() + ":" + event.id(), Set.of()).forEach(l -> Thread.startVirtualThread(() -> l.accept(event)));
    }

    /** After a lost connection: announcements may have been missed (NOTIFY does not replay), so every open view re-reads. */
    void deliverReconnected() {
        listeners.forEach((key, set) -> {
            int colon = key.indexOf(':');
            LiveEvent event = new LiveEvent(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)), LiveEvent.RECONNECTED);
            set.forEach(l -> Thread.startVirtualThread(() -> l.accept(event)));
        });
    }
}
