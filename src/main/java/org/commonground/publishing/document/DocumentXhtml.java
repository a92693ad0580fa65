package org.commonground.publishing.document;

import java.util.List;

import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;

/**
 * The one template for published documents: well-formed XHTML that the public page serves as it is and the PDF
 * renderer lays out on A4 (running header, "page n of m", line numbers in the margin exactly as on screen, results
 * table with a repeated header, fingerprint and verification address in the footer). Everything from the content is
 * escaped; the only resource it refers to is the bundled stylesheet. Pure.
 */
public final class DocumentXhtml {

    /** The address scheme of resources bundled with the app; the renderer serves nothing else. */
    public static final String BUNDLED = "bundled:";

    private DocumentXhtml() {
    }

    public static String render(DocumentContent c, String fingerprint, String verifyAddress) {
        List<NumberedLine> lines = LineNumbering.number(c.body(), c.lineWidth());
        StringBuilder x = new StringBuilder(c.body().length() * 2 + 4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<title>").append(escape(c.title())).append("</title>\n")
                .append("<meta name=\"author\" content=\"").append(escape(c.authors().isEmpty() ? c.group() : String.join(", ", c.authors()))).append("\"/>\n")
                .append("<meta name=\"subject\" content=\"").append(escape(c.kind() + (c.group().isEmpty() ? "" : " of " + c.group()))).append("\"/>\n")
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
        x.append("<div class=\"numbered\">\n");
        int block = -1;
        for (NumberedLine line : lines) {
            String kind = line.kind().name().toLowerCase().replace('_', '-');
            x.append("<div class=\"line ").append(kind).append(line.level() > 0 ? " level-" + Math.min(line.level(), 6) : "")
                    .append(line.block() != block ? " block-start" : "").append("\" id=\"line-").append(line.number()).append("\">")
                    .append("<span class=\"lineno\">").append(line.number()).append("</span>")
                    .append("<span class=\"text\">");
            if (!line.marker().isEmpty()) {
                x.append(escape(line.marker().matches("[-*+]") ? "•" : line.marker())).append(' ');
            }
            x.append(escape(line.text())).append("</span></div>\n");
            block = line.block();
        }
        x.append("</div>\n");
        if (!c.results().isEmpty()) {
            x.append("<h2>Result</h2>\n<table class=\"results\">\n<thead><tr><th>Party</th><th>Electorate</th><th>For</th><th>Against</th>")
                    .append("<th>Abstain</th><th>Verdict</th></tr></thead>\n<tbody>\n");
            for (DocumentContent.ResultRow r : c.results()) {
                x.append("<tr><td>").append(escape(r.party())).append("</td><td>").append(r.electorate()).append("</td><td>").append(r.forVotes())
                        .append("</td><td>").append(r.against()).append("</td><td>").append(r.abstain()).append("</td><td>")
                        .append(escape(r.verdict())).append("</td></tr>\n");
            }
            x.append("</tbody>\n</table>\n");
        }
        if (!c.decision().isBlank()) {
            x.append("<pre class=\"decision\">").append(escape(c.decision())).append("</pre>\n");
        }
        return x.append("</body>\n</html>\n").toString();
    }

    /** XML escaping: the five special characters, and control characters XML 1.0 cannot carry are dropped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
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
