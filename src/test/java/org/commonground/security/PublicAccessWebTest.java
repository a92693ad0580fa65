package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.commonground.notification.EmailPreference;
import org.commonground.notification.NotificationService;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublishingService;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The public column of "Who may see what", over plain HTTP through the whole filter chain: a published document is
 * there for anyone; an agreed text not yet published is nowhere public, whatever address is guessed for it (its
 * would-be slug, its PDF, a later version, its draft PDF's fingerprint), and the members' pages of either, draft PDF
 * included, send a stranger to the sign-in page without a word of them.
 */
@IntegrationTest
class PublicAccessWebTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;
    @Autowired
    NotificationService notifications;

    MockMvc http;

    @BeforeEach
    void client() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return http.perform(request).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyWhatIsPublishedIsPublicWhateverAddressIsGuessed() throws Exception {
        Agreements.Agreed published = agreements.agreedProposal("Egret charter", "Egret words.\n");
        Publication document = publishing.publishProposal(published.proposal());
        Agreements.Agreed agreed = agreements.agreedProposal("Heron charter", "Heron words.\n");
        // As its convenor could, the draft PDF of the agreed, unpublished text: its fingerprint is nothing public.
        PublishingService.Pdf draft = publishing.proposalDraftPdf(agreed.proposal());
        TestMembers.signOut();

        assertThat(call(get("/p/" + document.slug())).getStatus()).isEqualTo(200);
        assertThat(call(get("/p/" + document.slug() + ".pdf")).getStatus()).isEqualTo(200);
        for (String guessed : new String[] {"/p/heron-charter", "/p/heron-charter.pdf", "/p/heron-charter-2", "/p/" + document.slug() + "-v2",
                "/p/" + document.slug() + "-v2.pdf", "/p/proposal", "/p/pact"}) {
            MockHttpServletResponse response = call(get(guessed));
            assertThat(response.getStatus()).as(guessed).isEqualTo(404);
            assertThat(text(response)).as(guessed).doesNotContain("Heron");
        }
        assertThat(text(call(get("/p")))).contains("Egret charter").doesNotContain("Heron");
        assertThat(text(call(get("/p/feed.atom")))).contains("Egret charter").doesNotContain("Heron");

        assertThat(text(call(get("/p/verify").param("fingerprint", draft.fingerprint())))).contains("Not found.").doesNotContain("Heron");
        MockHttpServletResponse upload = call(multipart("/p/verify")
                .file(new MockMultipartFile("pdf", "draft.pdf", "application/pdf", draft.bytes())).with(csrf().asHeader()));
        assertThat(upload.getStatus()).isEqualTo(200);
        assertThat(text(upload)).contains("Not found.").doesNotContain("Heron", "Verified.");
    }

    @Test
    void theMembersPagesAndDraftPdfsSendAStrangerToSignIn() throws Exception {
        Agreements.Agreed agreed = agreements.agreedProposal("Bittern charter", "Bittern words.\n");
        Agreements.Ratified pact = agreements.ratifiedPact("Avocet pact");
        TestMembers.signOut();
        for (String page : new String[] {"/proposals/" + agreed.proposal(), "/proposals/" + agreed.proposal() + "/pdf",
                "/proposals/" + agreed.proposal() + "/publish", "/proposals/" + agreed.proposal() + "/history",
                "/pacts/" + pact.pact(), "/pacts/" + pact.pact() + "/pdf", "/groups/" + agreed.group(), "/search?q=bittern", "/notifications"}) {
            MockHttpServletResponse response = call(get(page));
            assertThat(response.getStatus()).as(page).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(page).endsWith("/login");
            assertThat(text(response)).as(page).doesNotContain("Bittern", "Avocet");
        }
    }

    @Test
    void aForgedUnsubscribeLinkChangesNobodysEmail() throws Exception {
        Agreements.Agreed agreed = agreements.agreedProposal("Curlew charter", "Curlew words.\n");
        TestMembers.signIn(agreed.member());
        EmailPreference before = notifications.emailPreference();
        assertThat(before).isNotEqualTo(EmailPreference.NEVER);
        TestMembers.signOut();
        MockHttpServletResponse forged = call(post("/unsubscribe").param("m", String.valueOf(agreed.member().id())).param("t", "forged").with(csrf()));
        assertThat(forged.getStatus()).isEqualTo(400);
        TestMembers.signIn(agreed.member());
        assertThat(notifications.emailPreference()).isEqualTo(before);
    }
}
