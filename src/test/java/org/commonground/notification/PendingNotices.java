package org.commonground.notification;

import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * Notices are fanned out after their change commits, on a thread of their own: a test that reads them waits here until
 * every one has been told, but those whose fan-out failed. A test whose change never commits (the access matrix rolls
 * everything back) fans them out inside its own transaction.
 */
public final class PendingNotices {

    private PendingNotices() {
    }

    public static void awaitFannedOut(DSLContext db) {
        // Usually milliseconds; up to a lease and a sweep (90 s) for one a closed test context had taken.
        long deadline = System.currentTimeMillis() + 120_000;
        while (db.fetchExists(db.selectOne().from("notice_pending").where("last_error is null"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Notices still waiting to be fanned out after 120 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Inside the caller's transaction, which the fan-out joins: for changes that will be rolled back, never committed. */
    public static void fanOutInThisTransaction(ApplicationContext context) {
        context.getBean(NoticesAfterCommit.class).fanOutPending();
    }
}
