package org.commonground.mail;

import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Boot's mail sender is: a condition on the sender bean would be judged before auto-configuration makes it.)
 *
 * <p>A message the server refuses, or whose connection broke while it was sent, waits before it is tried again
 * ({@link RetrySchedule}) and is given up in the end; a refused one holds up nothing behind it. A server that cannot
 * be reached, or refuses to sign us in, is no message's fault: nothing is counted against the mail, the round stops,
 * and the outbox waits (longer each time, up to ten minutes) before it tries the server again.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration SERVER_WAIT_LONGEST = Duration.ofMinutes(10);

    /**
     * Whose failure it was: the message's (the server refused it), the connection's while this message was sent
     * (counted against the message, but the round stops: the next would likely wait out the same timeout), the
     * server's (no connection or no sign-in: counted against no message), or none (it went; only closing failed).
     */
    enum Failure { MESSAGE, BROKE_WHILE_SENDING, SERVER, AFTER_SENDING }

    private final DSLContext db;
    private final JavaMailSender sender;
    private final String from;
    private final Clock clock;
    private final Duration serverWaitFirst;
    // In memory: each instance finds out for itself that the server is back.
    private Duration serverWait = Duration.ZERO;
    private Instant serverDownUntil = Instant.MIN;

    OutboxDispatcher(DSLContext db, JavaMailSender sender, @Value("${commonground.mail.from}") String from, Clock clock,
                     @Value("${commonground.mail.server-retry:PT30S}") Duration serverWaitFirst) {
        this.db = db;
        this.sender = sender;
        this.from = from;
        this.clock = clock;
        this.serverWaitFirst = serverWaitFirst;
    }

    @Scheduled(fixedDelayString = "${commonground.mail.dispatch-interval:PT5S}")
    @Transactional
    synchronized void dispatch() {
        if (clock.instant().isBefore(serverDownUntil)) {
            return;
        }
        // Only what is due: mail waiting for a retry, or given up, never holds up the mail behind it.
        // SKIP LOCKED lets several app instances share the outbox without sending a message twice.
        for (MailOutboxRecord mail : db.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.isNull()).and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(OffsetDateTime.now(clock)))
                .and(MAIL_OUTBOX.ATTEMPTS.lt(RetrySchedule.MAX_ATTEMPTS))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID).limit(BATCH).forUpdate().skipLocked().fetch()) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.getRecipient());
            message.setSubject(mail.getSubject());
            message.setText(mail.getBody());
            try {
                sender.send(message);
                sent(mail);
            } catch (MailException e) {
                switch (kindOf(e)) {
                    case AFTER_SENDING -> sent(mail);
                    case MESSAGE -> refused(mail, e);
                    case BROKE_WHILE_SENDING -> {
                        refused(mail, e);
                        return;
                    }
                    case SERVER -> {
                        serverUnreachable(mail, e);
                        return;
                    }
                }
            }
        }
    }

    private void sent(MailOutboxRecord mail) {
        serverWait = Duration.ZERO;
        mail.setSentAt(OffsetDateTime.now(clock));
        mail.setLastError(null);
        mail.update();
    }

    private void refused(MailOutboxRecord mail, MailException e) {
        serverWait = Duration.ZERO;
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

    private void serverUnreachable(MailOutboxRecord mail, MailException e) {
        serverWait = serverWait.isZero() ? serverWaitFirst : min(serverWait.multipliedBy(2), SERVER_WAIT_LONGEST);
        serverDownUntil = clock.instant().plus(serverWait);
        mail.setLastError(e.getMessage());
        mail.update();
        log.warn("The SMTP server cannot be used ({}); queued mail waits {} before it is tried again", e.getMessage(), serverWait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Spring's sender reports a refused sign-in as an authentication exception; a connection that could not be made
     * (refused, timed out, a 421 greeting, TLS required) as a send exception whose cause is the very exception it
     * gives for every message; a message refused, or a connection that broke while it was sent, under that message
     * alone; and a connection that failed to close after the message went as a send exception naming no message.
     */
    static Failure kindOf(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return Failure.SERVER;
        }
        if (!(e instanceof MailSendException send)) {
            return Failure.MESSAGE;
        }
        Throwable cause = send.getCause();
        if (send.getFailedMessages().isEmpty()) {
            return cause != null ? Failure.AFTER_SENDING : Failure.MESSAGE;
        }
        if (cause != null && send.getFailedMessages().values().stream().allMatch(failed -> failed == cause)) {
            return Failure.SERVER;
        }
        return send.getFailedMessages().values().stream().anyMatch(OutboxDispatcher::hasIoCause) ? Failure.BROKE_WHILE_SENDING : Failure.MESSAGE;
    }

    private static boolean hasIoCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
