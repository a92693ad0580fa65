package org.commonground.publishing.document;

import java.util.List;

import org.commonground.proposal.text.BlockKind;
import org.commonground.proposal.text.InlineMarkdown;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.TableRow;
import org.commonground.proposal.text.WordDiff;

/**
 * The one template for published documents: well-formed XHTML that the PDF renderer lays out on A4 (running
 * header, "page n of m", line numbers in the margin exactly as on screen, results and terms tables with repeated
 * headers, signatures, fingerprint and verification address in the footer) and that the public page serves with
 * the same body, in a page of its own (Open Graph metadata, links to the PDF and to other versions). Everything
 * from the content is escaped; the only resources it refers to are the bundled stylesheets. Pure.
 */
public final class DocumentXhtml {

    /** Changes whenever the template or its stylesheets change what a page looks like, so cached pages are not reused. */
    public static final int TEMPLATE_VERSION = 4;

    /** The address scheme of resources bundled with the app; the renderer serves nothing else. */
    public static final String BUNDLED = "bundled:";

    private DocumentXhtml() {
    }

    /** A link to another published version. */
    public record Link(String href, String label) {
    }

    /**
     * Where the public page of a document lives and what it links to.
     *
     * @param pageAddress  the page's absolute address (for Open Graph and the canonical link)
     * @param assets       the path the stylesheets are served from, such as "/p/assets/"
     * @param publishedAt  ISO-8601 time of publication
     * @param replaces     the version this one corrects, or null
     * @param supersededBy the correction that replaced this version, or null
     */
    public record PublicPage(String pageAddress, String pdfHref, String listHref, String verifyHref, String verifyAddress, String assets,
                             String publishedAt, Link replaces, Link supersededBy) {

        public PublicChrome chrome() {
            return new PublicChrome(listHref, verifyHref, verifyAddress, assets);
        }
    }

    /** The XHTML the PDF renderer lays out. {@code verifyAddress} is null for a draft, which cannot be verified. */
    public static String render(DocumentContent c, String fingerprint, String verifyAddress) {
        StringBuilder x = new StringBuilder(c.body().length() * 2 + 4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<title>").append(escape(c.title())).append("</title>\n")
                .append("<meta name=\"author\" content=\"").append(escape(author(c))).append("\"/>\n")
                .append("<meta name=\"subject\" content=\"").append(escape(subject(c))).append("\"/>\n")
                .append("<meta name=\"fingerprint\" content=\"").append(escape(fingerprint)).append("\"/>\n")
                .append("<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(BUNDLED).append("document.css\"/>\n")
                .append("</head>\n<body").append(c.draft() ? " class=\"draft\"" : "").append(">\n");
        x.append("<div class=\"running-header\">").append(escape(c.title())).append("</div>\n");
        x.append("<div class=\"running-footer\">Fingerprint (SHA-256) <span class=\"fingerprint\">").append(escape(fingerprint))
                .append("</span><br/>").append(verifyAddress == null || verifyAddress.isBlank()
                        ? "Not published: a draft has no published copy to verify against" : "Verify at " + escape(verifyAddress)).append("</div>\n");
        if (c.draft()) {
            x.append("<div class=\"watermark\">DRAFT – not agreed</div>\n");
        }
        body(x, c);
        return x.append("</body>\n</html>\n").toString();
    }

    /** The public web page of a published document: the same body, readable without JavaScript, printable. */
    public static String page(DocumentContent c, String fingerprint, PublicPage p) {
        StringBuilder x = new StringBuilder(c.body().length() * 2 + 6144);
        String description = subject(c) + (c.dates().isEmpty() ? "" : ". " + c.dates());
        PublicChrome chrome = p.chrome();
        x.append(PublicChrome.START)
                .append("<title>").append(escape(c.title())).append(" · Common Ground</title>\n")
                .append("<meta name=\"description\" content=\"").append(escape(description)).append("\"/>\n")
                .append("<meta name=\"author\" content=\"").append(escape(author(c))).append("\"/>\n")
                .append("<meta name=\"fingerprint\" content=\"").append(escape(fingerprint)).append("\"/>\n")
                .append("<meta property=\"og:type\" content=\"article\"/>\n")
                .append("<meta property=\"og:site_name\" content=\"Common Ground\"/>\n")
                .append("<meta property=\"og:title\" content=\"").append(escape(c.title())).append("\"/>\n")
                .append("<meta property=\"og:description\" content=\"").append(escape(description)).append("\"/>\n")
                .append("<meta property=\"og:url\" content=\"").append(escape(p.pageAddress())).append("\"/>\n")
                .append("<meta property=\"article:published_time\" content=\"").append(escape(p.publishedAt())).append("\"/>\n")
                .append("<link rel=\"canonical\" href=\"").append(escape(p.pageAddress())).append("\"/>\n")
                .append("<link rel=\"alternate\" type=\"application/pdf\" href=\"").append(escape(p.pdfHref())).append("\"/>\n")
                .append(chrome.stylesheets()).append(chrome.header());
        if (p.supersededBy() != null) {
            x.append("<p class=\"notice superseded\" role=\"note\"><strong>Superseded.</strong> This version was replaced by a correction: ")
                    .append(link(p.supersededBy())).append(". It stays here, unchanged, so what was published can still be checked.</p>\n");
        }
        if (p.replaces() != null) {
            x.append("<p class=\"notice replaces\" role=\"note\">This version corrects ").append(link(p.replaces())).append(".</p>\n");
        }
        body(x, c);
        return x.append(chrome.footer("<div class=\"document-footer\">\n<p class=\"pdf-link\"><a href=\"" + escape(p.pdfHref())
                + "\">Download the PDF</a></p>\n<p>Fingerprint (SHA-256) of this document: <span class=\"fingerprint\">" + escape(fingerprint)
                + "</span></p>\n</div>\n")).toString();
    }

    private static void body(StringBuilder x, DocumentContent c) {
        x.append("<p class=\"kind\">").append(escape(c.kind())).append(c.group().isEmpty() ? "" : " · " + escape(c.group())).append("</p>\n");
        x.append("<h1>").append(escape(c.title())).append("</h1>\n");
        if (!c.authors().isEmpty() || !c.dates().isEmpty()) {
            x.append("<p class=\"meta\">");
            if (!c.authors().isEmpty()) {
                x.append("By ").append(escape(String.join(", ", c.authors())));
            }
            if (!c.dates().isEmpty()) {
                x.append(c.authors().isEmpty() ? "" : " · ").append(escape(c.dates()));
            }
            x.append("</p>\n");
        }
        if (!c.correction().isBlank()) {
            x.append("<p class=\"correction\"><strong>Correction.</strong> ").append(escape(c.correction())).append("</p>\n");
        }
        if (!c.terms().isEmpty()) {
            x.append("<h2>Terms</h2>\n");
            table(x, "terms", List.of("Constituency", "ONS code", "Alliance candidate", "The other parties"), c.terms().stream()
                    .map(t -> List.of(t.constituency(), t.onsCode(), t.candidate(), t.others())).toList());
            if (!c.body().isBlank()) {
                x.append("<h2>Conditions</h2>\n");
            }
        }
        numberedLines(x, c);
        amendments(x, c.amendments());
        if (!c.results().isEmpty()) {
            x.append("<h2>Result</h2>\n");
            table(x, "results", List.of("Party", "Electorate", "For", "Against", "Abstain", "Verdict"), c.results().stream()
                    .map(r -> List.of(r.party(), String.valueOf(r.electorate()), String.valueOf(r.forVotes()), String.valueOf(r.against()),
                            String.valueOf(r.abstain()), r.verdict())).toList());
        }
        if (!c.decision().isBlank()) {
            x.append("<pre class=\"decision\">").append(escape(c.decision())).append("</pre>\n");
        }
        if (!c.signatures().isEmpty()) {
            x.append("<h2>Ratification</h2>\n");
            table(x, "signatures", List.of("Party", "Ratified by", "Signed or decided", "Date"), c.signatures().stream()
                    .map(g -> List.of(g.party(), g.method(), g.by(), g.date())).toList());
        }
    }

    /**
     * An amendment booklet's amendments, each on its own: citation, proposer, status, each passage's word diff and
     * the reason. Inserted and deleted words are marked in the text itself, not only by underline and strike-through,
     * so a black-and-white copy or a screen reader tells them apart.
     */
    private static void amendments(StringBuilder x, List<DocumentContent.AmendmentEntry> amendments) {
        if (amendments.isEmpty()) {
            return;
        }
        x.append("<h2 class=\"amendments\">Amendments</h2>\n<p class=\"legend\">Inserted words are underlined and marked ")
                .append("<ins>[+ like this +]</ins>; deleted words are struck through and marked <del>[\u2212 like this \u2212]</del>.</p>\n");
        for (DocumentContent.AmendmentEntry a : amendments) {
            x.append("<div class=\"amendment\">\n<h3>").append(escape(a.citation())).append("</h3>\n<p class=\"meta\">Proposed by ")
                    .append(escape(a.proposer())).append(" · ").append(escape(a.status())).append("</p>\n");
            for (DocumentContent.PassageDiff p : a.passages()) {
                x.append("<p class=\"passage\"><span class=\"passage-lines\">").append(escape(capitalised(p.lines()))).append("</span> ");
                diff(x, p.diff());
                x.append("</p>\n");
            }
            x.append("<p class=\"reason\"><strong>Reason.</strong> ").append(escape(a.reason())).append("</p>\n</div>\n");
        }
    }

    /** Each run of changed words between unchanged ones as its deleted words, then its inserted words. */
    private static void diff(StringBuilder x, List<WordDiff.Segment> segments) {
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (WordDiff.Segment s : segments) {
            switch (s.kind()) {
                case DELETED -> deleted.append(s.text());
                case INSERTED -> inserted.append(s.text());
                case SAME -> {
                    if (s.text().isBlank() && (!deleted.isEmpty() || !inserted.isEmpty())) {
                        // The space between two changed words belongs to the run.
                        (deleted.isEmpty() ? inserted : deleted).append(s.text());
                        if (!deleted.isEmpty() && !inserted.isEmpty()) {
                            inserted.append(s.text());
                        }
                    } else {
                        change(x, deleted, inserted);
                        x.append(escape(s.text()));
                    }
                }
            }
        }
        change(x, deleted, inserted);
    }

    private static void change(StringBuilder x, StringBuilder deleted, StringBuilder inserted) {
        boolean spaceAfter = !deleted.isEmpty() && Character.isWhitespace(deleted.charAt(deleted.length() - 1))
                || !inserted.isEmpty() && Character.isWhitespace(inserted.charAt(inserted.length() - 1));
        if (!deleted.isEmpty()) {
            x.append("<del>[\u2212 ").append(escape(deleted.toString().strip())).append(" \u2212]</del>").append(inserted.isEmpty() ? "" : " ");
        }
        if (!inserted.isEmpty()) {
            x.append("<ins>[+ ").append(escape(inserted.toString().strip())).append(" +]</ins>");
        }
        x.append(spaceAfter ? " " : "");
        deleted.setLength(0);
        inserted.setLength(0);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ":";
    }

    /** A table whose header repeats on every page it spans. */
    private static void table(StringBuilder x, String cssClass, List<String> headers, List<List<String>> rows) {
        x.append("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
        headers.forEach(h -> x.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        x.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            x.append("<tr>");
            row.forEach(cell -> x.append("<td>").append(escape(cell)).append("</td>"));
            x.append("</tr>\n");
        }
        x.append("</tbody>\n</table>\n");
    }

    private static void numberedLines(StringBuilder x, DocumentContent c) {
        List<NumberedLine> lines = LineNumbering.number(c.body(), c.lineWidth());
        if (lines.isEmpty()) {
            return;
        }
        x.append("<div class=\"numbered\">\n");
        for (List<NumberedLine> block : LineNumbering.blocks(lines)) {
            if (block.getFirst().kind() == BlockKind.TABLE) {
                table(x, block);
            } else {
                List<String> texts = InlineMarkdown.block(block, DocumentXhtml::escape);
                for (int k = 0; k < block.size(); k++) {
                    NumberedLine line = block.get(k);
                    x.append("<div class=\"line ").append(line.kind().name().toLowerCase().replace('_', '-'))
                            .append(line.level() > 0 ? " level-" + Math.min(line.level(), 6) : "")
                            .append(k == 0 ? " block-start" : "").append("\" id=\"line-").append(line.number()).append("\">")
                            .append("<span class=\"lineno\">").append(line.number()).append("</span>")
                            .append("<span class=\"text\">");
                    if (!line.marker().isEmpty()) {
                        x.append(escape(line.marker().matches("[-*+]") ? "•" : line.marker())).append(' ');
                    }
                    x.append(texts.get(k)).append("</span></div>\n");
                }
            }
        }
        x.append("</div>\n");
    }

    /** A pipe table as on screen: each row one numbered line, its number in a first cell that sits in the margin. */
    private static void table(StringBuilder x, List<NumberedLine> rows) {
        int columns = TableRow.cells(rows.getFirst().text()).size();
        x.append("<table class=\"numbered-table\">\n");
        for (int k = 0; k < rows.size(); k++) {
            NumberedLine row = rows.get(k);
            x.append(k == 0 ? "<thead>" : k == 1 ? "<tbody>\n" : "").append("<tr class=\"line table-row").append(k == 0 ? " block-start" : "")
                    .append("\" id=\"line-").append(row.number()).append("\"><td class=\"lineno\">").append(row.number()).append("</td>");
            List<String> cells = InlineMarkdown.cells(row, DocumentXhtml::escape);
            for (int c = 0; c < Math.max(columns, cells.size()); c++) {
                x.append(k == 0 ? "<th scope=\"col\">" : "<td>").append(c < cells.size() ? cells.get(c) : "").append(k == 0 ? "</th>" : "</td>");
            }
            x.append("</tr>").append(k == 0 ? "</thead>\n" : "\n");
        }
        x.append(rows.size() > 1 ? "</tbody>\n" : "").append("</table>\n");
    }

    private static String link(Link link) {
        return "<a href=\"" + escape(link.href()) + "\">" + escape(link.label()) + "</a>";
    }

    private static String author(DocumentContent c) {
        return c.authors().isEmpty() ? c.group() : String.join(", ", c.authors());
    }

    private static String subject(DocumentContent c) {
        return c.kind() + (c.group().isEmpty() ? "" : " of " + c.group());
    }

    /** XML escaping: the five special characters; characters XML 1.0 cannot carry (controls, U+FFFE/F, lone surrogates) are dropped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(ch).append(text.charAt(++i));
                }
                continue;
            }
            if (ch == '\uFFFE' || ch == '\uFFFF') {
                continue;
            }
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
