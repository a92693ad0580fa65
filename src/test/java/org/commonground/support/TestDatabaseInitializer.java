package org.commonground.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's application context at this run's fresh database. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.datasource.url=" + TestDatabase.url(),
                        "spring.datasource.username=", "spring.datasource.password=")
                .applyTo(context.getEnvironment());
        // Every test's web requests come from this machine's one address; MemberServiceTest checks the limit itself.
        if (!context.getEnvironment().containsProperty("commonground.account-mail.per-client-per-hour")) {
            TestPropertyValues.of("commonground.account-mail.per-client-per-hour=1000000").applyTo(context.getEnvironment());
        }
    }
}
