package org.commonground.proposal.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown that members write, rendered to HTML that cannot run script, frame a page or fetch anything: raw HTML
 * is escaped by the renderer, and the result is cleaned with jsoup's allow-list (no iframes, links only to http,
 * https and mailto). Pipe tables (GFM) are tables; an image is shown as the numbered text shows it, a link marked
 * "Image: alt text" that is never fetched ({@link InlineMarkdown}). Pure: no framework, no I/O.
 */
public final class SafeMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(StrikethroughExtension.create(), TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .nodeRendererFactory(ImageAsLink::new)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "s", "pre", "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("a", "class")
            .addAttributes("span", "class")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", InlineMarkdown.REL);

    private SafeMarkdown() {
    }

    /** The HTML of {@code markdown}, wrapped in one {@code <div>} so it can be shown as a single element. */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        String clean = Jsoup.clean(html, "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
        return "<div class=\"cg-markdown\">" + clean + "</div>";
    }

    /** {@code ![alt](address)} as {@code <a class="cg-image">Image: alt</a>}, or as marked text if the address is not allowed. */
    private static final class ImageAsLink implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            HtmlWriter html = context.getWriter();
            var href = InlineMarkdown.safeHref(image.getDestination());
            if (href.isPresent()) {
                html.tag("a", Map.of("href", href.get(), "class", "cg-image"));
            } else {
                html.tag("span", Map.of("class", "cg-image"));
            }
            html.text(InlineMarkdown.IMAGE_MARK);
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag(href.isPresent() ? "/a" : "/span");
        }
    }
}
