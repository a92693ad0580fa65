package org.commonground.publishing.document;

import static org.commonground.publishing.document.DocumentXhtml.escape;

/**
 * What every public page has around its content, in one place: the language, the stylesheets (no script, no inline
 * style: the public pages' Content-Security-Policy allows neither), the header naming Common Ground and linking to
 * the published documents, and the footer with the address where anyone can verify a copy. Pure.
 *
 * @param listHref      the list of published documents, which the name in the header leads to
 * @param verifyHref    the verification page, as linked
 * @param verifyAddress the verification page's full address, as printed in every PDF
 * @param assets        the path the stylesheets are served from, such as "/p/assets/"
 */
public record PublicChrome(String listHref, String verifyHref, String verifyAddress, String assets) {

    /** The opening of the page up to and including its {@code <head>} metadata before the title. */
    public static final String START = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";

    public String stylesheets() {
        return "<link rel=\"stylesheet\" href=\"" + escape(assets) + "document.css\"/>\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(assets) + "public.css\"/>\n";
    }

    /** Closes the head and opens the body with the header and {@code <main>}. */
    public String header() {
        return "</head>\n<body class=\"public\">\n<a class=\"skip\" href=\"#content\">Skip to the content</a>\n"
                + "<header class=\"site\">\n<a class=\"brand\" href=\"" + escape(listHref) + "\">Common Ground</a>\n"
                + "<nav aria-label=\"Public pages\"><a href=\"" + escape(listHref) + "\">Published documents</a>"
                + "<a href=\"" + escape(listHref) + "/seats\">Constituencies</a><a href=\"" + escape(listHref) + "/map\">Map</a>"
                + "<a href=\"" + escape(listHref) + "/what-if\">What if</a>"
                + "<a href=\"" + escape(verifyHref) + "\">Verify a document</a></nav>\n</header>\n<main id=\"content\">\n";
    }

    /**
     * Closes {@code <main>} and the page with the footer; {@code before} is what the page adds at the footer's top (a
     * document's fingerprint and PDF), already HTML.
     */
    public String footer(String before) {
        return "</main>\n<footer class=\"site\">\n" + before
                + "<p class=\"verify-address\">Anyone can check a copy of a published document, or its fingerprint, at <a href=\""
                + escape(verifyHref) + "\">" + escape(verifyAddress) + "</a>.</p>\n"
                + "<p class=\"about\">Common Ground: policy and pacts drafted, amended and agreed by the members of progressive parties.</p>\n"
                + "</footer>\n</body>\n</html>\n";
    }
}
