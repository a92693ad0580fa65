package org.commonground.mail;

import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Outgoing mail is written to the outbox in the caller's transaction, so a message leaves only if the change that
 * caused it commits. {@link OutboxDispatcher} sends it when SMTP is configured; otherwise it stays here and the
 * log shows it, which is enough to follow a sign-in link on a developer's machine.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final DSLContext db;
    private final boolean smtpConfigured;

    public Outbox(DSLContext db, ObjectProvider<JavaMailSender> mailSender) {
        this.db = db;
        this.smtpConfigured = mailSender.getIfAvailable() != null;
    }

    public void enqueue(String recipient, String subject, String body) {
        db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.RECIPIENT, recipient)
                .set(MAIL_OUTBOX.SUBJECT, subject)
                .set(MAIL_OUTBOX.BODY, body)
                .execute();
        if (!smtpConfigured) {
            log.info("No SMTP server configured (spring.mail.host); mail kept in the outbox for {}: {}\n{}", recipient, subject, body);
        }
    }
}
