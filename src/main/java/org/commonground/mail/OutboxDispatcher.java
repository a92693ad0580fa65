package org.commonground.mail;

import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import java.time.OffsetDateTime;

import org.commonground.jooq.tables.records.MailOutboxRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends queued mail through Spring Mail when an SMTP server is configured. (Conditional on the property, as Spring
 * Boot's mail sender is: a condition on the sender bean would be judged before auto-configuration makes it.)
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final DSLContext db;
    private final JavaMailSender sender;
    private final String from;

    OutboxDispatcher(DSLContext db, JavaMailSender sender, @Value("${commonground.mail.from}") String from) {
        this.db = db;
        this.sender = sender;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${commonground.mail.dispatch-interval:PT5S}")
    @Transactional
    void dispatch() {
        // SKIP LOCKED lets several app instances share the outbox without sending a message twice.
        for (MailOutboxRecord mail : db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.SENT_AT.isNull())
                .orderBy(MAIL_OUTBOX.ID).limit(50).forUpdate().skipLocked().fetch()) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.getRecipient());
            message.setSubject(mail.getSubject());
            message.setText(mail.getBody());
            try {
                sender.send(message);
                mail.setSentAt(OffsetDateTime.now());
                mail.setLastError(null);
            } catch (MailException e) {
                log.warn("Could not send mail {} to {}: {}", mail.getId(), mail.getRecipient(), e.getMessage());
                mail.setLastError(e.getMessage());
            }
            mail.update();
        }
    }
}
