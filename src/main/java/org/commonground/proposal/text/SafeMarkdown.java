package org.commonground.proposal.text;

import java.util.List;

import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown that members write, rendered to HTML that cannot run script, frame a page or fetch anything: raw HTML
 * is escaped by the renderer, and the result is cleaned with jsoup's allow-list (no images, no iframes, links only
 * to http, https and mailto). Pure: no framework, no I/O.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().extensions(List.of(StrikethroughExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(StrikethroughExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "s", "pre")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private SafeMarkdown() {
    }

    /** The HTML of {@code markdown}, wrapped in one {@code <div>} so it can be shown as a single element. */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        String clean = Jsoup.clean(html, "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
        return "<div class=\"cg-markdown\">" + clean + "</div>";
    }
}
