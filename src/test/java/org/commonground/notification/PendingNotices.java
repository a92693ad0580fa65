package org.commonground.notification;

import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/**
 * Notices that reach a whole electorate or party are fanned out after their change commits, on a thread of their own:
 * a test that reads them waits here until every due one has been told; a test whose change never commits (the access
 * matrix rolls everything back) fans them out inside its own transaction.
 */
public final class PendingNotices {

    private PendingNotices() {
    }

    public static void awaitFannedOut(DSLContext db) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (db.fetchExists(db.selectOne().from("notice_pending")
                .where("next_attempt_at <= now() and attempts < " + NoticesAfterCommit.MAX_ATTEMPTS))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Notices still waiting to be fanned out after 15 s");
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
