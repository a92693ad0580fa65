package org.commonground.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import org.commonground.jooq.tables.records.MailOutboxRecord;
import org.commonground.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.TestPropertySource;

/** The outbox's dispatcher against a real SMTP server (GreenMail) that goes away and comes back. */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "commonground.mail.dispatch-interval=PT0.2S"})
class OutboxRetryTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired
    Outbox outbox;
    @Autowired
    DSLContext db;

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private MailOutboxRecord mailTo(String recipient) {
        return db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(recipient)).fetchSingle();
    }

    /** The recipient's mail once it satisfies {@code until}, or as it is after ten seconds. */
    private MailOutboxRecord await(String recipient, Predicate<MailOutboxRecord> until) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        MailOutboxRecord mail = mailTo(recipient);
        while (!until.test(mail) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            mail = mailTo(recipient);
        }
        return mail;
    }

    private static boolean received(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                return false;
            }
        });
    }

    @Test
    void mailThatFailedWhileTheServerWasDownWaitsAndIsSentWhenItIsBack() throws Exception {
        String first = address("first");
        String second = address("second");
        smtp.stop();
        try {
            outbox.enqueue(first, "While down", "Sent later.");
            outbox.enqueue(second, "While down too", "Sent later too.");
            MailOutboxRecord failed = await(first, m -> m.getAttempts() > 0);
            await(second, m -> m.getAttempts() > 0);
            // The dispatcher runs five times a second, but a failed message waits a minute before its next try.
            Thread.sleep(1_000);
            for (String recipient : new String[] {first, second}) {
                MailOutboxRecord mail = mailTo(recipient);
                assertThat(mail.getAttempts()).isEqualTo(1);
                assertThat(mail.getSentAt()).isNull();
                assertThat(mail.getLastError()).isNotBlank();
                assertThat(Duration.between(OffsetDateTime.now(), mail.getNextAttemptAt())).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(61));
            }
            assertThat(failed.getLastError()).isNotBlank();
        } finally {
            smtp.start();
        }
        // A minute passes.
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now()).where(MAIL_OUTBOX.RECIPIENT.in(first, second)).execute();
        assertThat(await(first, m -> m.getSentAt() != null).getSentAt()).isNotNull();
        assertThat(await(second, m -> m.getSentAt() != null).getSentAt()).isNotNull();
        assertThat(received(first) && received(second)).isTrue();
        assertThat(mailTo(first).getLastError()).isNull();
    }

    @Test
    void aMessageThatCannotBeSentNeitherHoldsUpTheNextNorIsTriedForever() throws Exception {
        String unparseable = "not an address <" + UUID.randomUUID() + "@";
        String next = address("next");
        String givenUp = address("given-up");
        db.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT, givenUp).set(MAIL_OUTBOX.SUBJECT, "Old").set(MAIL_OUTBOX.BODY, "Tried enough.")
                .set(MAIL_OUTBOX.ATTEMPTS, RetrySchedule.MAX_ATTEMPTS).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now().minusHours(1)).execute();
        outbox.enqueue(unparseable, "Broken", "Never leaves.");
        outbox.enqueue(next, "Behind it", "Leaves anyway.");

        assertThat(await(next, m -> m.getSentAt() != null).getSentAt()).isNotNull();
        MailOutboxRecord broken = await(unparseable, m -> m.getAttempts() > 0);
        assertThat(broken.getAttempts()).isEqualTo(1);
        assertThat(broken.getSentAt()).isNull();
        assertThat(mailTo(givenUp).getAttempts()).isEqualTo(RetrySchedule.MAX_ATTEMPTS);
        assertThat(received(givenUp)).isFalse();
    }

    @Test
    void onlyAFailureOfTheServerStopsTheBatch() {
        assertThat(OutboxDispatcher.serverUnreachable(new MailSendException("Mail server connection failed", new MessagingException("refused")))).isTrue();
        assertThat(OutboxDispatcher.serverUnreachable(new MailAuthenticationException("bad password"))).isTrue();
        assertThat(OutboxDispatcher.serverUnreachable(new MailSendException("Failed messages", null))).isFalse();
        assertThat(OutboxDispatcher.serverUnreachable(new MailParseException("not an address"))).isFalse();
    }
}
