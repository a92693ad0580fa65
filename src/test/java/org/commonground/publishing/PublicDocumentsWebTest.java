package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

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

/** The public side over HTTP, through the whole filter chain, as someone who is not signed in. */
@IntegrationTest
class PublicDocumentsWebTest {

    @Autowired
    CorrectionService corrections;
    @Autowired
    WebApplicationContext context;
    @Autowired
    PublishingService publishing;
    @Autowired
    PublicPages pages;
    @Autowired
    Agreements agreements;

    MockMvc http;

    @BeforeEach
    void client() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private Publication published(String title) {
        Agreements.Agreed agreed = agreements.agreedProposal(title, "# Buses\n\nA bus every <b>ten</b> minutes & a night bus.\n");
        Publication p = publishing.publishProposal(agreed.proposal());
        TestMembers.signOut();
        return p;
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return http.perform(request).andReturn().getResponse();
    }

    @Test
    void thePublicPageIsPlainCacheableHtmlWithStrictHeadersAndARepeatIsNotRendered() throws Exception {
        Publication p = published("Buses for everyone");
        MockHttpServletResponse page = call(get("/p/" + p.slug()));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>Buses for everyone</h1>", "property=\"og:title\" content=\"Buses for everyone\"",
                "property=\"og:url\" content=\"" + publishing.baseUrl() + "/p/" + p.slug() + "\"", "id=\"line-2\"", p.fingerprint(),
                "href=\"/p/" + p.slug() + ".pdf\"", "A bus every &lt;b&gt;ten&lt;/b&gt; minutes &amp; a night bus.")
                .doesNotContain("<script", "<b>ten</b>");
        assertThat(page.getHeader("ETag")).isEqualTo("\"" + p.fingerprint() + "-t" + org.commonground.publishing.document.DocumentXhtml.TEMPLATE_VERSION + "\"");
        assertThat(page.getHeader("Cache-Control")).contains("public", "max-age=60");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Set-Cookie")).isNull();

        MockHttpServletResponse repeat = call(get("/p/" + p.slug()).header("If-None-Match", page.getHeader("ETag")));
        assertThat(repeat.getStatus()).isEqualTo(304);
        assertThat(repeat.getContentAsByteArray()).isEmpty();
        // A client without the page gets the kept rendering, the very same bytes.
        assertThat(pages.page(p.slug()).orElseThrow().html()).isSameAs(pages.page(p.slug()).orElseThrow().html());

        assertThat(call(get("/p/no-such-document")).getStatus()).isEqualTo(404);
        assertThat(call(get("/p/assets/document.css")).getStatus()).isEqualTo(200);
        assertThat(call(get("/p/assets/../application.properties")).getStatus()).isNotEqualTo(200);
    }

    /** The document, the list, the verification page and "not found" all wear the same header and footer, with no script. */
    @Test
    void everyPublicPageHasTheAppsHeaderAndTheFooterWithTheVerificationAddress() throws Exception {
        Publication p = published("Buses in our colours");
        for (String path : java.util.List.of("/p/" + p.slug(), "/p", "/p/verify", "/p/no-such-document")) {
            String html = call(get(path)).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as(path).contains("<html lang=\"en-GB\">",
                    "<link rel=\"stylesheet\" href=\"/p/assets/public.css\"/>",
                    "<header class=\"site\">\n<a class=\"brand\" href=\"/p\">Common Ground</a>",
                    "<main id=\"content\">",
                    "<footer class=\"site\">",
                    "at <a href=\"/p/verify\">" + publishing.verifyAddress() + "</a>.")
                    .doesNotContain("<script", "style=\"", "<style");
            assertThat(html.indexOf("<header")).as(path).isLessThan(html.indexOf("<main")).isPositive();
            assertThat(html.indexOf("</main>")).as(path).isLessThan(html.indexOf("<footer class=\"site\">"));
            assertThat(html.split("<footer", -1)).as(path + ": one footer landmark").hasSize(2);
        }
        assertThat(call(get("/p/" + p.slug())).getContentAsString()).contains(p.fingerprint() + "</span>", "Download the PDF");
        String css = call(get("/p/assets/public.css")).getContentAsString();
        assertThat(css).contains("header.site", "footer.site", "@media print", "attr(href)", ":focus-visible");
    }

    @Test
    void thePdfIsTheFileMadeAtPublicationServedAsImmutable() throws Exception {
        Publication p = published("Buses as a PDF");
        MockHttpServletResponse pdf = call(get("/p/" + p.slug() + ".pdf"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getContentAsByteArray()).isEqualTo(publishing.pdf(p));
        assertThat(pdf.getHeader("ETag")).isEqualTo("\"" + p.pdfSha256() + "\"");
        assertThat(pdf.getHeader("Cache-Control")).contains("immutable", "max-age=31536000");
        assertThat(call(get("/p/" + p.slug() + ".pdf").header("If-None-Match", pdf.getHeader("ETag"))).getStatus()).isEqualTo(304);
    }

    @Test
    void theListAndTheFeedShowNewestFirstAndACorrectionMarksTheOldVersionSuperseded() throws Exception {
        Agreements.Agreed agreed = agreements.agreedProposal("Trams for Bristol", "Trams on the Gloucester Road.\n");
        Publication first = publishing.publishProposal(agreed.proposal());
        String before = call(get("/p/" + first.slug())).getContentAsString();
        assertThat(before).doesNotContain("Superseded");
        TestMembers.signIn(agreed.convenor());
        agreements.agreeCorrection(agreed, corrections.correct(first.slug(), "Trams on the Gloucester Road and the A38.\n", "The A38 was agreed too.").awaiting());
        Publication second = publishing.versionsOfProposal(agreed.proposal()).getFirst();
        TestMembers.signOut();

        MockHttpServletResponse old = call(get("/p/" + first.slug()).header("If-None-Match", "\"" + first.fingerprint() + "-t" + org.commonground.publishing.document.DocumentXhtml.TEMPLATE_VERSION + "\""));
        assertThat(old.getStatus()).isEqualTo(200);
        assertThat(old.getHeader("ETag")).isNotEqualTo("\"" + first.fingerprint() + "-t" + org.commonground.publishing.document.DocumentXhtml.TEMPLATE_VERSION + "\"");
        assertThat(old.getContentAsString()).contains("Superseded.", "href=\"/p/" + second.slug() + "\"");
        assertThat(call(get("/p/" + second.slug())).getContentAsString()).contains("This version corrects", "The A38 was agreed too.");

        String list = call(get("/p")).getContentAsString();
        assertThat(list).contains("Trams for Bristol", "superseded", "application/atom+xml");
        assertThat(list.indexOf("/p/" + second.slug() + "\"")).isLessThan(list.indexOf("/p/" + first.slug() + "\""));
        MockHttpServletResponse feed = call(get("/p/feed.atom"));
        assertThat(feed.getContentType()).startsWith("application/atom+xml");
        assertThat(feed.getContentAsString()).startsWith("<?xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "<id>" + publishing.baseUrl() + "/p/" + second.slug() + "</id>", "type=\"application/pdf\"");
        // The feed must be well-formed XML for feed readers.
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.getContentAsByteArray()));
    }

    @Test
    void theVerificationPageChecksAFingerprintOrAnUploadedPdfAndTheUploadNeedsItsCsrfToken() throws Exception {
        Publication p = published("Buses to verify");
        assertThat(call(get("/p/verify").param("fingerprint", p.fingerprint())).getContentAsString()).contains("Verified.", "/p/" + p.slug());
        assertThat(call(get("/p/verify").param("fingerprint", "f".repeat(64))).getContentAsString()).contains("Not found.");
        MockMultipartFile file = new MockMultipartFile("pdf", "copy.pdf", "application/pdf", publishing.pdf(p));
        // As a browser without JavaScript does: the form's address carries the token, the cookie its pair.
        MockHttpServletResponse form = call(get("/p/verify"));
        String action = form.getContentAsString().replaceAll("(?s).*<form class=\"verify\" method=\"post\" action=\"([^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        assertThat(action).startsWith("/p/verify?_csrf=");
        assertThat(call(multipart(java.net.URI.create(action)).file(file).cookie(form.getCookies())).getContentAsString())
                .contains("Verified.", "exactly the PDF");
        assertThat(call(multipart("/p/verify").file(file)).getStatus()).isEqualTo(403);
        MockHttpServletResponse empty = call(multipart("/p/verify").with(csrf().asHeader()));
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(empty.getContentAsString()).contains("Choose a PDF file");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void oneAddressMayUploadTenFilesAMinuteThenIsToldToWait() throws Exception {
        MockMultipartFile file = new MockMultipartFile("pdf", "copy.pdf", "application/pdf", "%PDF-1.7\nnot published\n".getBytes());
        for (int i = 0; i < 10; i++) {
            assertThat(call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.10"))).getStatus())
                    .as("upload %d", i + 1).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.10")));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("Too many files have been checked from your address", "<form class=\"verify\"");
        // Another address is not held back by the first.
        assertThat(call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.11"))).getStatus()).isEqualTo(200);
    }

    @Test
    void anAddressChecksOneFileAtATimeSoItCannotHoldEverySlot(@Autowired VerifyUploadLimits limits) throws Exception {
        MockMultipartFile file = new MockMultipartFile("pdf", "copy.pdf", "application/pdf", "%PDF-1.7\nnot published\n".getBytes());
        assertThat(limits.tryEnter("203.0.113.30")).isEmpty();
        try {
            MockHttpServletResponse refused = call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.30")));
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getContentAsString()).contains("A file from your address is being checked already");
            assertThat(call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.31"))).getStatus()).isEqualTo(200);
        } finally {
            limits.leave("203.0.113.30");
        }
        assertThat(call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.30"))).getStatus()).isEqualTo(200);
    }

    @Test
    void whileEveryUploadSlotIsTakenAnotherUploadIsRefusedAtOnceAndThePagesStillAnswer(@Autowired VerifyUploadLimits limits) throws Exception {
        MockMultipartFile file = new MockMultipartFile("pdf", "copy.pdf", "application/pdf", "%PDF-1.7\nnot published\n".getBytes());
        int taken = 0;
        while (limits.tryEnter("198.51.100." + taken).isEmpty()) {
            taken++;
        }
        try {
            assertThat(taken).isEqualTo(4);
            MockHttpServletResponse refused = call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.20")));
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
            assertThat(refused.getContentAsString()).contains("Too many files are being checked just now");
            assertThat(call(get("/p")).getStatus()).isEqualTo(200);
            assertThat(call(get("/p/verify")).getStatus()).isEqualTo(200);
        } finally {
            for (int i = 0; i < taken; i++) {
                limits.leave("198.51.100." + i);
            }
        }
        assertThat(call(multipart("/p/verify").file(file).with(csrf().asHeader()).with(from("203.0.113.20"))).getStatus()).isEqualTo(200);
    }
}
