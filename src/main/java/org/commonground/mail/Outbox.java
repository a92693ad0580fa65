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
 * caused it commits. {@link OutboxDispatcher} sends it when SMTP is configured; otherwise it stays here, and the log
 * says which row to read. Never the body: it holds reset and verification links, which would let anyone who reads
 * the log (or wherever it is shipped) take over the account.
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

    /** A message waiting to be sent. */
    public record Mail(String recipient, String subject, String body) {
    }

    /**
     * Many messages in one statement, in the caller's transaction: a ballot closing tells thousands of electors, and
     * a batch of as many inserts took most of the close.
     */
    public void enqueueAll(java.util.List<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        db.execute("insert into mail_outbox (recipient, subject, body) select * from unnest(?::text[], ?::text[], ?::text[])",
                mails.stream().map(Mail::recipient).toArray(String[]::new), mails.stream().map(Mail::subject).toArray(String[]::new),
                mails.stream().map(Mail::body).toArray(String[]::new));
        if (!smtpConfigured) {
            log.info("No SMTP server configured (spring.mail.host); {} mails kept in the outbox, the first for {}: {}", mails.size(),
                    mails.getFirst().recipient(), mails.getFirst().subject());
        }
    }

    public void enqueue(String recipient, String subject, String body) {
        long id = db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.RECIPIENT, recipient)
                .set(MAIL_OUTBOX.SUBJECT, subject)
                .set(MAIL_OUTBOX.BODY, body)
                .returning(MAIL_OUTBOX.ID).fetchOne(MAIL_OUTBOX.ID);
        if (!smtpConfigured) {
            log.info("No SMTP server configured (spring.mail.host); mail {} kept in the outbox for {}: {} "
                    + "(to read it: select body from mail_outbox where id = {})", id, recipient, subject, id);
        }
    }
}
