package org.commonground.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Open views register here for the changes of what they show, and hear of every committed change to it, made on
 * any app instance (the announcements come through PostgreSQL, see {@link PostgresListener}). Each listener is
 * called on a thread of its own, and only {@link #AT_ONCE} at a time, so a slow page holds up one turn, not all.
 */
@Component
public class LiveEvents {

    /** The least time between two calls of a subject's pages: see {@link #listen}. */
    static final Duration GAP = Duration.ofSeconds(2);
    /** A ballot's: its tally is to show on every page within 2 s of each vote (bench/run-meeting). */
    static final Duration BALLOT_GAP = Duration.ofSeconds(1);

    static Duration gap(String topic) {
        return topic.equals("ballot") ? BALLOT_GAP : GAP;
    }

    /**
     * How many pages re-read at once. A page re-reading holds a database connection; 2,000 pages on one ballot
     * re-reading together took the whole pool, and votes waited seconds for a connection (bench/run-meeting). With at
     * most this many, a write always finds one of the pool's ten, and the pages take their turns within the gap.
     */
    static final int AT_ONCE = 4;

    private final Semaphore rereading = new Semaphore(AT_ONCE);

    /** Set on a call's own thread, for the length of the call. */
    private static final ThreadLocal<Long> CALLED_FOR = new ThreadLocal<>();

    /**
     * Within a listener's call, the stamp ({@link #heard}) of the changes it was called for: everything heard when
     * its wave of calls began, or after, if it waited through a later wave. Pages called together ask for the same
     * stamp, so they can share one read; 0 outside a call.
     */
    public static long heardWhenCalled() {
        Long heard = CALLED_FOR.get();
        return heard == null ? 0 : heard;
    }

    /**
     * One page's registration: {@code waiting} while its call waits for its turn to re-read, and {@code heard}, the
     * stamp it is to show at least.
     */
    private record Registration(Consumer<LiveEvent> listener, AtomicBoolean waiting, AtomicLong heard) {
    }

    /** The pages listening to one subject: called together after its changes, at most once per {@link #gap}. */
    private final class Subject {
        final String key;
        final Set<Registration> listeners = ConcurrentHashMap.newKeySet();
        final Coalesced calls;

        Subject(String topic, String key) {
            this.key = key;
            this.calls = new Coalesced(this::callAll, gap(topic));
        }

        private void callAll(LiveEvent event) {
            long stamp = heard.getOrDefault(key, 0L);
            for (Registration r : listeners) {
                r.heard().accumulateAndGet(stamp, Math::max);
                // A page still waiting for its turn will show what this wave shows (its stamp was just raised): it is
                // not queued twice, so a wave that outlasts the gap does not pile up behind the next one.
                if (!r.waiting().compareAndSet(false, true)) {
                    continue;
                }
                Thread.startVirtualThread(() -> {
                    rereading.acquireUninterruptibly();
                    try {
                        // Cleared before the stamp is read: a wave from here on raises it too late, so calls again.
                        r.waiting().set(false);
                        CALLED_FOR.set(r.heard().get());
                        r.listener().accept(event);
                    } finally {
                        CALLED_FOR.remove();
                        rereading.release();
                    }
                });
            }
        }
    }

    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();
    /** Per subject someone listens to, the stamp of the last change heard: see {@link #heard}. */
    private final Map<String, Long> heard = new ConcurrentHashMap<>();
    private final AtomicLong stamps = new AtomicLong();

    /**
     * Calls {@code listener} after changes to the subject, at most once per {@link #gap}: a busy ballot would
     * otherwise have every open page re-read it at every vote. All the pages of a subject are called at the same
     * moments, not each on a clock of its own, so that they re-read after the same changes and share one read of them
     * where the page allows (ballot/SharedTallies). With that sharing, a second's gap keeps a mass meeting's tally
     * within 2 s of each vote on every page (bench/run-meeting). Other pages, which each re-read for themselves, keep
     * two seconds: at one, bench/run-load's 2,000 sessions came within a few milliseconds of their 300 ms p95.
     *
     * @return what stops listening (call it when the view detaches)
     */
    public Runnable listen(String topic, long id, Consumer<LiveEvent> listener) {
        String key = topic + ":" + id;
        // A registration of its own, so the same listener registered twice is stopped once per registration.
        Registration registered = new Registration(listener, new AtomicBoolean(), new AtomicLong());
        subjects.compute(key, (k, subject) -> {
            Subject s = subject == null ? new Subject(topic, key) : subject;
            s.listeners.add(registered);
            return s;
        });
        return () -> subjects.computeIfPresent(key, (k, s) -> {
            s.listeners.remove(registered);
            if (s.listeners.isEmpty()) {
                heard.remove(key);
                return null;
            }
            return s;
        });
    }

    /** A subscription for a page that shows one subject of {@code topic} at a time. */
    public LiveSubscription subscription(String topic) {
        return new LiveSubscription(this, topic);
    }

    /** How many open pages listen for changes of this subject (for monitoring, and for the tests of who may listen). */
    public int listeners(String topic, long id) {
        Subject s = subjects.get(topic + ":" + id);
        return s == null ? 0 : s.listeners.size();
    }

    /**
     * A stamp of the last change heard of a subject that pages listen to, or 0 while nobody listens. It moves before
     * any listener is called, so what was read while it stood at a stamp includes every change heard up to it: one
     * copy read then can be shared by all the pages that re-read after the same changes (see ballot/SharedTallies).
     * Stamps are never reused, even after nobody listened for a while, so an equal stamp means nothing was heard since.
     */
    public long heard(String topic, long id) {
        return heard.getOrDefault(topic + ":" + id, 0L);
    }

    /**
     * A stamp later than that of every copy read before now (see {@link #heard}), for a page that must show a change
     * it has just committed itself (its own vote) before the announcement of it arrives; 0 while nobody listens.
     */
    public long heardNow(String topic, long id) {
        String key = topic + ":" + id;
        subjects.computeIfPresent(key, (k, listened) -> {
            stamp(key);
            return listened;
        });
        return heard(topic, id);
    }

    private void stamp(String key) {
        heard.put(key, stamps.incrementAndGet());
    }

    void deliver(LiveEvent event) {
        String key = event.topic() + ":" + event.id();
        // Stamped under the subject's entry, so a stamp is never left behind by a subject nobody listens to any more.
        Subject s = subjects.computeIfPresent(key, (k, listened) -> {
            stamp(key);
            return listened;
        });
        if (s != null) {
            s.calls.accept(event);
        }
    }

    /** After a lost connection: announcements may have been missed (NOTIFY does not replay), so every open view re-reads. */
    void deliverReconnected() {
        for (String key : subjects.keySet()) {
            int colon = key.indexOf(':');
            deliver(new LiveEvent(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)), LiveEvent.RECONNECTED));
        }
    }
}
