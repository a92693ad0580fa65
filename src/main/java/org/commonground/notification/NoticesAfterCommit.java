package org.commonground.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * notice: a reply is told the same way as a ballot.
 *
 * <p>Each fan-out first takes its row for a while (a lease: attempts + 1 and the next attempt pushed back, committed at
 * once), then writes the notifications and deletes the row in one transaction. The row is locked with SKIP LOCKED at
 * both steps, so neither a second thread nor a second instance tells it again; a fan-out that fails, or whose
 * instance stops, leaves no notification behind and is taken up again when its lease ends (1, 2, 4… minutes, at most
 * an hour apart, and never given up).
 */
@Component
class NoticesAfterCommit {

    private static final Logger log = LoggerFactory.getLogger(NoticesAfterCommit.class);

    private final DSLContext db;
    private final NotificationRecipients recipients;
    private final TransactionTemplate eachStep;
    // One fan-out at a time per instance: a burst of closes queues here rather than taking every connection.
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("notice-fan-out").factory());
    // A burst of commits needs one run queued, not one each: a run takes everything due.
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    NoticesAfterCommit(DSLContext db, NotificationRecipients recipients, PlatformTransactionManager transactions) {
        this.db = db;
        this.recipients = recipients;
        this.eachStep = new TransactionTemplate(transactions);
    }

    @EventListener
    void audited(AuditRecorded e) {
        if (e.subjectId() == null || NotificationRecipients.noticeOf(e.action()) == NotificationRecipients.NOBODY) {
            return;
        }
        db.execute("insert into notice_pending (audit_id) values (?)", e.auditId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new FanOutAfterCommit());
        } else {
            fanOutSoon();
        }
    }

    /** Registered with the change's transaction: queues the fan-out once it has committed. */
    final class FanOutAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            fanOutSoon();
        }
    }

    private void fanOutSoon() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            fanOut.execute(() -> {
                // Cleared before the run, so a commit during it queues the next.
                queued.set(false);
                fanOutPending();
            });
        } catch (RejectedExecutionException shuttingDown) {
            // The row waits for the next sweep of any instance.
            queued.set(false);
        }
    }

    /** What a crash or a failure left, once its lease has ended. */
    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${commonground.notifications.sweep-interval:PT30S}")
    void sweep() {
        fanOutSoon();
    }

    /** Fans out every due notice no other thread or instance holds; returns how many this call told. */
    int fanOutPending() {
        int told = 0;
        while (!stopping) {
            Long taken;
            try {
                taken = eachStep.execute(status -> lease());
            } catch (RuntimeException databaseAway) {
                return told;
            }
            if (taken == null) {
                return told;
            }
            try {
                if (Boolean.TRUE.equals(eachStep.execute(status -> tell(taken)))) {
                    told++;
                }
            } catch (RuntimeException e) {
                // Rolled back: nobody was told. The lease already counts the attempt and says when to try again.
                log.error("Fanning out the notices of audit entry {} failed; it is tried again when its lease ends", taken, e);
                recordError(taken, e);
            }
        }
        return told;
    }

    /** Takes the oldest due notice for a while: committed at once, so a crash in the fan-out still counts. */
    private Long lease() {
        return db.fetchOptional("""
                update notice_pending set attempts = attempts + 1,
                       next_attempt_at = now() + interval '1 minute' * least(power(2, attempts), 60)
                where audit_id = (select audit_id from notice_pending where next_attempt_at <= now()
                                  order by audit_id limit 1 for update skip locked)
                returning audit_id""").map(r -> r.get(0, Long.class)).orElse(null);
    }

    /**
     * Tells the notice and removes it from the pending, in this transaction; false when another run told it first.
     * Bounded in time, so a lock held elsewhere cannot stall this instance's fan-out.
     */
    private boolean tell(long auditId) {
        db.execute("set local statement_timeout = '60s'");
        Record r = db.fetchOne("""
                select a.actor_id, a.action, a.subject_type, a.subject_id, a.detail
                from notice_pending n join audit_event a on a.id = n.audit_id
                where n.audit_id = ? for update of n skip locked""", auditId);
        if (r == null) {
            return false;
        }
        recipients.tell(new AuditRecorded(r.get("actor_id", Long.class), AuditAction.fromCode(r.get("action", String.class)),
                r.get("subject_type", String.class), r.get("subject_id", Long.class), r.get("detail", String.class), auditId));
        db.execute("delete from notice_pending where audit_id = ?", auditId);
        return true;
    }

    private void recordError(long auditId, RuntimeException e) {
        try {
            eachStep.executeWithoutResult(s -> db.execute("update notice_pending set last_error = left(?, 2000) where audit_id = ?",
                    String.valueOf(e), auditId));
        } catch (RuntimeException alsoFailed) {
            log.warn("Could not record why audit entry {} failed to fan out", auditId, alsoFailed);
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
