package org.commonground.mail;

import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.commonground.jooq.tables.records.MailOutboxRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends queued mail through Spring Mail when an SMTP server is configured. (Conditional on the property, as Spring
 * Boot's mail sender is: a condition on the sender bean would be judged before auto-configuration makes it.) A
 * message that fails waits before it is tried again ({@link RetrySchedule}); when the server itself cannot be
 * reached, the rest of the batch waits for the next round rather than each timing out in turn.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;

    private final DSLContext db;
    private final JavaMailSender sender;
    private final String from;
    private final Clock clock;

    OutboxDispatcher(DSLContext db, JavaMailSender sender, @Value("${commonground.mail.from}") String from, Clock clock) {
        this.db = db;
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commonground.mail.dispatch-interval:PT5S}")
    @Transactional
    void dispatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Only what is due: mail waiting for a retry, or given up, never holds up the mail behind it.
        // SKIP LOCKED lets several app instances share the outbox without sending a message twice.
        for (MailOutboxRecord mail : db.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.isNull()).and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .and(MAIL_OUTBOX.ATTEMPTS.lt(RetrySchedule.MAX_ATTEMPTS))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID).limit(BATCH).forUpdate().skipLocked().fetch()) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.getRecipient());
            message.setSubject(mail.getSubject());
            message.setText(mail.getBody());
            try {
                sender.send(message);
                mail.setSentAt(OffsetDateTime.now(clock));
                mail.setLastError(null);
                mail.update();
            } catch (MailException e) {
                failed(mail, e);
                if (serverUnreachable(e)) {
                    return;
                }
            }
        }
    }

    private void failed(MailOutboxRecord mail, MailException e) {
        int attempts = mail.getAttempts() + 1;
        Optional<Duration> wait = RetrySchedule.after(attempts);
        mail.setAttempts(attempts);
        mail.setLastError(e.getMessage());
        wait.ifPresent(w -> mail.setNextAttemptAt(OffsetDateTime.now(clock).plus(w)));
        mail.update();
        if (wait.isPresent()) {
            log.warn("Could not send mail {} to {} (attempt {}), trying again in {}: {}", mail.getId(), mail.getRecipient(), attempts,
                    wait.get(), e.getMessage());
        } else {
            log.error("Gave up sending mail {} to {} after {} attempts: {}", mail.getId(), mail.getRecipient(), attempts, e.getMessage());
        }
    }

    /**
     * Whether the failure was the server's, not this message's: no connection, or sign-in refused. Spring's sender
     * reports a message the server refused as a send exception without a cause, and a connection that failed with one.
     */
    static boolean serverUnreachable(MailException e) {
        return e instanceof MailAuthenticationException || e instanceof MailSendException send && send.getCause() != null;
    }
}
