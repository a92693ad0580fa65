package org.commonground.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditRecorded;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Tells every audited change that notifies anyone to {@link NotificationRecipients} after it commits. A ballot's
 * opening or closing reaches its whole electorate, thousands at a mass meeting, and writing their notifications and
 * mail would hold the change's transaction (and its locks) that long; so the change's transaction only records that
 * its audit entry awaits fan-out ({@code notice_pending}), and the fan-out follows the commit. One rule for every
 * notice: a reply is told the same way as a ballot. Each fan-out is one transaction that writes the
 * notifications and deletes the row; the row is locked with SKIP LOCKED while it runs, so neither a second thread nor a
 * second instance tells it again, and a fan-out that fails leaves no notification behind and is tried again later. A
 * change whose instance stopped between its commit and its fan-out is taken up by the sweep of any instance.
 */
@Component
class NoticesAfterCommit {

    private static final Logger log = LoggerFactory.getLogger(NoticesAfterCommit.class);
    static final int MAX_ATTEMPTS = 10;

    private final DSLContext db;
    private final NotificationRecipients recipients;
    private final TransactionTemplate eachNotice;
    // One fan-out at a time per instance: a burst of closes queues here rather than taking every connection.
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("notice-fan-out").factory());
    private volatile boolean stopping;

    NoticesAfterCommit(DSLContext db, NotificationRecipients recipients, PlatformTransactionManager transactions) {
        this.db = db;
        this.recipients = recipients;
        this.eachNotice = new TransactionTemplate(transactions);
    }

    @EventListener
    void audited(AuditRecorded e) {
        if (e.subjectId() == null || NotificationRecipients.noticeOf(e.action()) == NotificationRecipients.NOBODY) {
            return;
        }
        db.execute("insert into notice_pending (audit_id) values (?)", e.auditId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fanOutSoon();
                }
            });
        } else {
            fanOutSoon();
        }
    }

    private void fanOutSoon() {
        try {
            fanOut.execute(this::fanOutPending);
        } catch (RejectedExecutionException shuttingDown) {
            // The row waits for the next start's sweep.
        }
    }

    /** Also what a crash left: every due notice, until none is left that this instance can take. */
    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${commonground.notifications.sweep-interval:PT30S}")
    void sweep() {
        fanOutSoon();
    }

    /** Fans out every due notice no other thread or instance is fanning out; returns how many this call told. */
    int fanOutPending() {
        int told = 0;
        while (!stopping) {
            long[] taking = {0};
            try {
                if (!Boolean.TRUE.equals(eachNotice.execute(status -> fanOutOne(taking)))) {
                    return told;
                }
                told++;
            } catch (RuntimeException e) {
                if (taking[0] == 0 || !recordFailure(taking[0], e)) {
                    // No row was taken (the database is away): the sweep tries again.
                    return told;
                }
            }
        }
        return told;
    }

    /** Tells the oldest due notice and removes it from the pending, in this transaction; false when none is due. */
    private boolean fanOutOne(long[] taking) {
        Record r = db.fetchOne("""
                select n.audit_id, a.actor_id, a.action, a.subject_type, a.subject_id, a.detail
                from notice_pending n join audit_event a on a.id = n.audit_id
                where n.next_attempt_at <= now() and n.attempts < ?
                order by n.audit_id limit 1
                for update of n skip locked""", MAX_ATTEMPTS);
        if (r == null) {
            return false;
        }
        taking[0] = r.get("audit_id", Long.class);
        recipients.tell(new AuditRecorded(r.get("actor_id", Long.class), AuditAction.fromCode(r.get("action", String.class)),
                r.get("subject_type", String.class), r.get("subject_id", Long.class), r.get("detail", String.class), taking[0]));
        db.execute("delete from notice_pending where audit_id = ?", taking[0]);
        return true;
    }

    /** After the failed fan-out rolled back (so its lock is gone): wait 1, 2, 4… minutes before the next try. */
    private boolean recordFailure(long auditId, RuntimeException e) {
        log.error("Fanning out the notices of audit entry {} failed; it is tried again later", auditId, e);
        try {
            eachNotice.executeWithoutResult(s -> db.execute("""
                    update notice_pending set attempts = attempts + 1, last_error = left(?, 2000),
                           next_attempt_at = now() + interval '1 minute' * power(2, attempts)
                    where audit_id = ?""", String.valueOf(e), auditId));
            return true;
        } catch (RuntimeException alsoFailed) {
            return false;
        }
    }

    /**
     * Before the connection pool closes: what is queued still goes out, for 30 s at most; then the fan-out under way
     * finishes and the rest waits for the next sweep of any instance.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        fanOut.shutdown();
        if (!fanOut.awaitTermination(30, TimeUnit.SECONDS)) {
            stopping = true;
            fanOut.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
