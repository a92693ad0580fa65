package org.commonground.publishing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class DocumentXhtmlTest {

    private static final DocumentContent PACT = new DocumentContent("Pact", "Give & take <b>now</b>", "Bristol \"Progressives\"", List.of(),
            "Ratified 1 May 2027", 80, "- Joint <script>alert(1)</script> leaflets.", List.of(), "",
            List.of(new DocumentContent.TermsRow("Bristol Central", "E14001131", "GRN", "LAB stands down; LD paper candidate")),
            List.of(new DocumentContent.Signature("LAB", "Representative", "Ada Jones: ratified", "1 May 2027")), "", false);

    @Test
    void thePdfTemplateIsWellFormedXmlWithTermsSignaturesAndEverythingEscaped() throws Exception {
        String xhtml = DocumentXhtml.render(PACT, "ab".repeat(32), "https://example.org/p/verify");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("b").getLength()).isZero();
        assertThat(xhtml).contains("<h1>Give &amp; take &lt;b&gt;now&lt;/b&gt;</h1>", "<td>LAB stands down; LD paper candidate</td>",
                "<td>Ada Jones: ratified</td>", "<h2>Conditions</h2>", "Verify at https://example.org/p/verify")
                .doesNotContain("watermark");
    }

    @Test
    void thePublicPageHasTheSameBodyOpenGraphAndTheVersionLinks() {
        String fingerprint = "cd".repeat(32);
        DocumentXhtml.PublicPage links = new DocumentXhtml.PublicPage("https://example.org/p/give-take", "/p/give-take.pdf", "/p", "/p/verify",
                "https://example.org/p/verify", "/p/assets/", "2027-05-02T10:00:00Z", new DocumentXhtml.Link("/p/give", "the earlier version"),
                new DocumentXhtml.Link("/p/give-take-v3", "the corrected version"));
        String page = DocumentXhtml.page(PACT, fingerprint, links);
        String pdfBody = DocumentXhtml.render(PACT, fingerprint, null);
        String sharedBody = pdfBody.substring(pdfBody.indexOf("<p class=\"kind\">"), pdfBody.indexOf("</body>"));
        assertThat(page).startsWith("<!DOCTYPE html>").contains(sharedBody,
                "<meta property=\"og:title\" content=\"Give &amp; take &lt;b&gt;now&lt;/b&gt;\"/>",
                "<meta property=\"og:url\" content=\"https://example.org/p/give-take\"/>",
                "<link rel=\"alternate\" type=\"application/pdf\" href=\"/p/give-take.pdf\"/>",
                "Superseded.", "href=\"/p/give-take-v3\"", "This version corrects <a href=\"/p/give\">", fingerprint,
                "<html lang=\"en-GB\">", "<a class=\"brand\" href=\"/p\">Common Ground</a>",
                "<footer class=\"site\">", "at <a href=\"/p/verify\">https://example.org/p/verify</a>.")
                .doesNotContain("<script", "bundled:", "style=\"");
    }

    static final String TABLE_AND_LINKS = "See [the plan](https://example.org/plan), ![the map](https://maps.example/m.png):\n\n"
            + "| Item | Cost |\n|---|---:|\n| <b>Buses</b> & *trams* | £2m |\n| [Rail](javascript:alert(1)) | £9m |\n";

    @Test
    void tablesAreNumberedRowByRowAndLinksAndImagesFollowTheOneRuleInWellFormedXhtml() throws Exception {
        String xhtml = DocumentXhtml.render(DocumentContent.draft("Costs", TABLE_AND_LINKS), "ab".repeat(32), null);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        assertThat(document.getElementsByTagName("img").getLength()).isZero();
        assertThat(document.getElementsByTagName("b").getLength()).isZero();
        assertThat(document.getElementsByTagName("tr").getLength()).isEqualTo(3);
        assertThat(xhtml).contains(
                "<a href=\"https://example.org/plan\" rel=\"nofollow noopener noreferrer\">the plan</a>",
                "<a href=\"https://maps.example/m.png\" rel=\"nofollow noopener noreferrer\" class=\"cg-image\">Image: the map</a>",
                "<tr class=\"line table-row block-start\" id=\"line-3\"><td class=\"lineno\">3</td><th scope=\"col\">Item</th><th scope=\"col\">Cost</th></tr>",
                "<tr class=\"line table-row\" id=\"line-4\"><td class=\"lineno\">4</td><td>&lt;b&gt;Buses&lt;/b&gt; &amp; <em>trams</em></td><td>£2m</td></tr>",
                "<td class=\"lineno\">5</td><td>Rail</td>")
                .doesNotContain("javascript:", "|---|");
    }
}
