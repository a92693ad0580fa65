package org.commonground.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The app configured to send mail through GreenMail on its test port, dispatching often and trying a server that
 * failed again after a second. Every test that sends mail uses exactly these settings, so they share one application
 * context and so one dispatcher: a second dispatcher on the same outbox would send their mail too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "commonground.mail.dispatch-interval=PT0.2S",
        "commonground.mail.server-retry=PT1S"})
public @interface WithSmtpServer {
}
