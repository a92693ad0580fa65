package org.commonground.ui;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Where an open page re-reads what it shows after a change was announced live: on the announcement's own thread,
 * with the reader's rights, before the page takes its session's lock to show the result. At most half the pool's
 * connections re-read at once. Read under the session's lock, as they were, re-reads that waited for a connection
 * held the lock meanwhile, and the member's own click waited behind them; and with every connection taken by
 * re-reads, members' writes waited for the pool. At 2,000 members (bench/run-load) that was most of the time.
 */
@Component
public class LiveReads {

    private final Semaphore permits;

    LiveReads(@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        this.permits = new Semaphore(Math.max(1, poolSize / 2), true);
    }

    /**
     * Who the page re-reads for: the member signed in now, on the session's thread, kept in a context of its own.
     * The session's context object is not kept itself, because whatever changes it later (a sign-out clearing it, a
     * test signing in someone else on the same thread) would change whose rights the page reads with.
     */
    public static SecurityContext reader() {
        SecurityContext reader = SecurityContextHolder.createEmptyContext();
        reader.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return reader;
    }

    /**
     * Runs {@code read} as {@code reader} ({@link #reader()}, taken when the page began listening), once one of the
     * re-reads' connections is free. Called on a thread of its own (the announcement's), never under a session's lock.
     */
    public <T> T read(SecurityContext reader, Supplier<T> read) throws InterruptedException {
        permits.acquire();
        try {
            SecurityContextHolder.setContext(reader);
            return read.get();
        } finally {
            SecurityContextHolder.clearContext();
            permits.release();
        }
    }
}
