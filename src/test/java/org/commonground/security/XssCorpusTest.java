package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Html;
import org.commonground.ballot.Choice;
import org.commonground.ballot.NamedVote;
import org.commonground.ballot.VoteList;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.proposal.ProposalView;
import org.commonground.comment.Visibility;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.SafeMarkdown;
import org.commonground.proposal.text.TextHtml;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublishingService;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A corpus of known XSS payloads (src/test/resources/security/xss-payloads.txt) through the places members write
 * text and the ways it is rendered: Markdown of comments and pact conditions, the numbered proposal text, the
 * published document's public page and PDF template, and the proposal page as Vaadin renders it. None may be live:
 * no script or active element, no event handler, no script or data address, no script in a style.
 */
@IntegrationTest
class XssCorpusTest extends ViewTest {

    private static final List<String> ACTIVE_ELEMENTS = List.of("script", "iframe", "frame", "object", "embed", "applet", "style", "link", "meta",
            "base", "form", "input", "button", "textarea", "select", "svg", "math", "video", "audio", "source", "marquee", "details", "template");

    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;
    @Autowired
    CommentService comments;
    @Autowired
    ProposalService proposals;
    @Autowired
    WebApplicationContext context;

    static List<String> payloads() throws IOException {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/security/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.replace("\\n", "\n")).toList();
        }
    }

    /** Fails if anything in the fragment could run: checks the elements, their attributes and addresses. */
    static void assertInert(String html, String where) {
        boolean wholeDocument = html.startsWith("<!DOCTYPE") || html.startsWith("<?xml");
        Document doc = wholeDocument ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        for (Element e : doc.getAllElements()) {
            String tag = e.tagName().toLowerCase(Locale.ROOT);
            // A whole page has its own head: a charset, metadata and the bundled stylesheets, never a refresh.
            boolean templateHead = wholeDocument && e.parents().stream().anyMatch(p -> p.tagName().equals("head"))
                    && (tag.equals("meta") && !e.hasAttr("http-equiv") || tag.equals("link") && e.attr("rel").matches("stylesheet|canonical|alternate"));
            if (!templateHead) {
                assertThat(ACTIVE_ELEMENTS).as("%s: an active <%s> element in %s", where, tag, html).doesNotContain(tag);
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u0000-\\u001f]", "");
                assertThat(name).as("%s: an event handler in %s", where, html).doesNotStartWith("on");
                assertThat(name).as("%s: srcdoc in %s", where, html).isNotEqualTo("srcdoc");
                if (List.of("href", "src", "xlink:href", "action", "formaction", "data", "poster", "background").contains(name)) {
                    assertThat(value).as("%s: a script address in %s", where, html)
                            .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
                }
                if (name.equals("style")) {
                    assertThat(value).as("%s: script in a style in %s", where, html).doesNotContain("expression(").doesNotContain("javascript:").doesNotContain("url(");
                }
            }
        }
    }

    @Test
    void theCorpusHasAtLeastFiftyPayloadsAndTheCheckCatchesLiveOnes() throws IOException {
        assertThat(payloads()).hasSizeGreaterThanOrEqualTo(50);
        // The check itself must fail on live markup, or the tests below prove nothing.
        for (String live : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\" javascript:alert(1)\">x</a>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>", "<iframe srcdoc=x></iframe>")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertInert(live, "self-check")).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void markdownTheNumberedTextAndThePublishedDocumentTemplatesRenderEveryPayloadInert() throws IOException {
        for (String p : payloads()) {
            assertInert(SafeMarkdown.toHtml(p), "Markdown");
            assertInert(TextHtml.numbered(LineNumbering.number(p, 80)), "numbered text");
            assertInert(VoteList.html(List.of(new NamedVote(p, p, Choice.FOR, p))), "who voted how");
            DocumentContent content = new DocumentContent("Proposal", p, p, List.of(p), p, 80, p,
                    List.of(new DocumentContent.ResultRow(p, 1, 1, 0, 0, p)), p, List.of(new DocumentContent.TermsRow(p, p, p, p)),
                    List.of(new DocumentContent.Signature(p, p, p, p)), p, false);
            assertInert(DocumentXhtml.render(content, "a".repeat(64), p), "PDF template");
            assertInert(DocumentXhtml.page(content, "a".repeat(64), new DocumentXhtml.PublicPage("https://example.org/p/x", "/p/x.pdf", "/p", "/p/verify",
                    p, "/p/assets/", p, new DocumentXhtml.Link(p, p), new DocumentXhtml.Link(p, p))), "public page template");
        }
    }

    @Test
    void whatMembersWriteIsInertOnTheProposalPageAndOnThePublishedPage() throws Exception {
        List<String> corpus = payloads();
        Agreements.Agreed agreed = agreements.agreedProposal("Payloads <script>alert(1)</script>", String.join("\n\n", corpus));
        Publication published = publishing.publishProposal(agreed.proposal());
        // A second text in discussion (a published one takes no comments), commented on with every payload.
        long discussed = proposals.create(agreed.group(), new ProposalDraft("Discussed <img src=x onerror=alert(1)>", "", String.join("\n\n", corpus), ""));
        proposals.move(discussed, ProposalState.DISCUSSION);
        TestMembers.signIn(agreed.member());
        for (String p : corpus) {
            comments.post(discussed, NewComment.onProposal(Visibility.SHARED, p));
        }

        navigate(ProposalView.class, Map.of("proposalId", String.valueOf(discussed)));
        List<String> rendered = new java.util.ArrayList<>($view(Html.class).all().stream().map(html -> html.getElement().getOuterHTML()).toList());
        // A comment's card is markup the app wrote, set as a box's inner HTML (CommentThread): every such box too.
        $view(com.vaadin.flow.component.html.Div.class).all().stream().map(box -> box.getElement().getProperty("innerHTML"))
                .filter(java.util.Objects::nonNull).forEach(rendered::add);
        assertThat(rendered).hasSizeGreaterThan(corpus.size());
        for (String html : rendered) {
            assertInert(html, "proposal page");
        }

        var http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String page = http.perform(get("/p/" + published.slug())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Payloads &lt;script&gt;alert(1)&lt;/script&gt;");
        assertInert(page, "published page");
    }
}
