package org.commonground.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.security.SignedInMember;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class UnsubscribeLinksTest {

    @Autowired
    DSLContext db;
    @Autowired
    UnsubscribeLinks links;
    @Autowired
    NotificationService notifications;
    @Autowired
    TestMembers testMembers;
    @Autowired
    WebApplicationContext context;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private UnsubscribeLinks on(LocalDate day) {
        return new UnsubscribeLinks(db, "http://localhost", Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void aLinkWorksForNinetyDaysAndCannotBeRedated() {
        LocalDate made = LocalDate.of(2027, 6, 1);
        String link = on(made).link(42);
        long day = made.toEpochDay();
        assertThat(link).isEqualTo("http://localhost/unsubscribe?m=42&d=" + day + "&t=" + links.token(42, day));
        String token = links.token(42, day);
        assertThat(on(made.plusDays(90)).check(42, day, token)).isEqualTo(UnsubscribeVerdict.GENUINE);
        assertThat(on(made.plusDays(91)).check(42, day, token)).isEqualTo(UnsubscribeVerdict.EXPIRED);
        assertThat(on(made.plusDays(91)).check(42, day + 30, token)).as("a later day claimed").isEqualTo(UnsubscribeVerdict.NOT_GENUINE);
        assertThat(on(made).check(43, day, token)).isEqualTo(UnsubscribeVerdict.NOT_GENUINE);
    }

    /** Undated links, from emails sent before links were dated, work until 90 days after the change and no longer. */
    @Test
    void anUndatedLinkWorksUntilItsCutOff() {
        String undated = links.token(42, null);
        assertThat(on(UnsubscribeLinks.UNDATED_ACCEPTED_UNTIL).check(42, null, undated)).isEqualTo(UnsubscribeVerdict.GENUINE);
        assertThat(on(UnsubscribeLinks.UNDATED_ACCEPTED_UNTIL.plusDays(1)).check(42, null, undated)).isEqualTo(UnsubscribeVerdict.EXPIRED);
    }

    @Test
    void anOldLinkSaysSoAndHowElseToStopEmailsAndChangesNothing() throws Exception {
        SignedInMember member = testMembers.register("Old mail", "GRN");
        TestMembers.signIn(member);
        EmailPreference before = notifications.emailPreference();
        TestMembers.signOut();
        long day = LocalDate.now(ZoneOffset.UTC).minusDays(91).toEpochDay();
        MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        for (MockHttpServletRequestBuilder request : List.of(get("/unsubscribe"), post("/unsubscribe"))) {
            MockHttpServletResponse old = http.perform(request.param("m", String.valueOf(member.id())).param("d", String.valueOf(day))
                    .param("t", links.token(member.id(), day))).andReturn().getResponse();
            assertThat(old.getStatus()).isEqualTo(410);
            assertThat(old.getContentAsString(StandardCharsets.UTF_8)).contains("This link is too old", "work for 90 days", "href=\"/notifications\"")
                    .doesNotContain("<form");
        }
        TestMembers.signIn(member);
        assertThat(notifications.emailPreference()).isEqualTo(before).isNotEqualTo(EmailPreference.NEVER);
    }
}
