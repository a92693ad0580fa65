package org.commonground.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import org.commonground.jooq.tables.records.MailOutboxRecord;
import org.commonground.mail.OutboxDispatcher.Failure;
import org.commonground.support.IntegrationTest;
import org.commonground.support.WithSmtpServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** The outbox's dispatcher against a real SMTP server (GreenMail) that goes away and comes back. */
@IntegrationTest
@WithSmtpServer
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

    private int due() {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.SENT_AT.isNull().and(MAIL_OUTBOX.ATTEMPTS.lt(RetrySchedule.MAX_ATTEMPTS))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(OffsetDateTime.now())));
    }

    /** What other tests queued is sent first, so each test here knows which of its messages comes first. */
    @BeforeEach
    void nothingElseWaiting() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (due() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(due()).as("mail still waiting to be sent before the test").isZero();
    }

    /** The recipient's mail once it satisfies {@code until}, or as it is after ten seconds. */
    private MailOutboxRecord await(String recipient, Predicate<MailOutboxRecord> until) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        MailOutboxRecord mail = mailTo(recipient);
        while (!until.test(mail) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
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
    void whileTheServerIsDownNoMailIsCountedAsFailedAndAllOfItLeavesWhenItIsBack() throws Exception {
        String first = address("first");
        String second = address("second");
        smtp.stop();
        try {
            outbox.enqueue(first, "While down", "Sent later.");
            outbox.enqueue(second, "While down too", "Sent later too.");
            assertThat(await(first, m -> m.getLastError() != null).getLastError()).isNotBlank();
            // The dispatcher runs five times a second; with the server down it tries only the first message, and
            // less and less often, so the second is never tried and neither uses up one of its tries.
            Thread.sleep(1_500);
            assertThat(mailTo(first).getAttempts()).isZero();
            assertThat(mailTo(second).getLastError()).isNull();
            assertThat(mailTo(second).getAttempts()).isZero();
            assertThat(mailTo(first).getSentAt()).isNull();
        } finally {
            smtp.start();
        }
        assertThat(await(first, m -> m.getSentAt() != null).getSentAt()).isNotNull();
        assertThat(await(second, m -> m.getSentAt() != null).getSentAt()).isNotNull();
        assertThat(received(first) && received(second)).isTrue();
        assertThat(mailTo(first).getLastError()).isNull();
    }

    @Test
    void aMessageThatCannotBeSentWaitsLongerEachTimeHoldsUpNothingAndIsGivenUp() throws Exception {
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
        assertThat(Duration.between(OffsetDateTime.now(), broken.getNextAttemptAt())).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(61));

        // Its third failure: four minutes until the next try.
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.ATTEMPTS, 2).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now()).where(MAIL_OUTBOX.RECIPIENT.eq(unparseable)).execute();
        broken = await(unparseable, m -> m.getAttempts() > 2);
        assertThat(broken.getAttempts()).isEqualTo(3);
        assertThat(Duration.between(OffsetDateTime.now(), broken.getNextAttemptAt())).isBetween(Duration.ofSeconds(225), Duration.ofSeconds(241));

        assertThat(mailTo(givenUp).getAttempts()).isEqualTo(RetrySchedule.MAX_ATTEMPTS);
        assertThat(received(givenUp)).isFalse();
    }

    @Test
    void theServersFailuresAreToldFromAMessagesOwn() {
        // As Spring's sender reports each (JavaMailSenderImpl.doSend).
        MessagingException refused = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        assertThat(OutboxDispatcher.kindOf(new MailSendException("Mail server connection failed", refused, Map.of("message", refused))))
                .isEqualTo(Failure.SERVER);
        MessagingException greeting = new MessagingException("421 Service not available");
        assertThat(OutboxDispatcher.kindOf(new MailSendException("Mail server connection failed", greeting, Map.of("message", greeting))))
                .isEqualTo(Failure.SERVER);
        assertThat(OutboxDispatcher.kindOf(new MailAuthenticationException("535 bad credentials"))).isEqualTo(Failure.SERVER);
        assertThat(OutboxDispatcher.kindOf(new MailSendException(Map.of("message", new MessagingException("Read timed out", new SocketTimeoutException())))))
                .isEqualTo(Failure.BROKE_WHILE_SENDING);
        assertThat(OutboxDispatcher.kindOf(new MailSendException(Map.of("message", new MessagingException("550 no such mailbox")))))
                .isEqualTo(Failure.MESSAGE);
        assertThat(OutboxDispatcher.kindOf(new MailSendException("Failed to close server connection after message failures",
                new MessagingException("bye"), Map.of("message", new MessagingException("550 no such mailbox"))))).isEqualTo(Failure.MESSAGE);
        assertThat(OutboxDispatcher.kindOf(new MailParseException("not an address"))).isEqualTo(Failure.MESSAGE);
        assertThat(OutboxDispatcher.kindOf(new MailSendException("Failed to close server connection after message sending", new MessagingException("bye"))))
                .isEqualTo(Failure.AFTER_SENDING);
    }
}
