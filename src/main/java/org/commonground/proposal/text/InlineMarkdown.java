package org.commonground.proposal.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Inline Markdown (emphasis, code, strike-through, links, images) inside numbered lines, rendered line by line so
 * each line keeps exactly its words and its number: markup that spans a line break is closed at the end of one line
 * and reopened on the next. The one rule for links and images, shared with {@link SafeMarkdown}: links only to
 * http, https and mailto, with {@value #REL}; an image is never fetched, it is shown as a link marked
 * "Image: alt text", so a member's text cannot make a reader's browser or the PDF renderer fetch a third-party
 * address. Raw HTML stays text. Pure.
 */
public final class InlineMarkdown {

    public static final String REL = "nofollow noopener noreferrer";
    public static final String IMAGE_MARK = "Image: ";

    // Only paragraphs: a wrapped line that happens to start with "#", "-" or ">" is still words of the same block.
    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of())
            .extensions(List.of(StrikethroughExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private InlineMarkdown() {
    }

    /** The address a link or image may point to, or empty: absolute http, https or mailto only. */
    public static Optional<String> safeHref(String destination) {
        String d = destination == null ? "" : destination.strip();
        String lower = d.toLowerCase(Locale.ROOT);
        boolean allowed = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
        return allowed && d.chars().noneMatch(Character::isISOControl) ? Optional.of(d) : Optional.empty();
    }

    /** The HTML of each line of one block (code is left as written); {@code escape} makes text safe for the target. */
    public static List<String> block(List<NumberedLine> lines, UnaryOperator<String> escape) {
        List<String> texts = lines.stream().map(NumberedLine::text).toList();
        return lines.isEmpty() || lines.getFirst().kind() == BlockKind.CODE ? texts.stream().map(escape).toList() : lines(texts, escape);
    }

    /** The HTML of each cell of a table row, each cell's inline Markdown rendered on its own. */
    public static List<String> cells(NumberedLine row, UnaryOperator<String> escape) {
        return TableRow.cells(row.text()).stream().map(cell -> lines(List.of(cell), escape).getFirst()).toList();
    }

    /** One HTML string per line of text, the lines read as one paragraph. Falls back to escaped text if the lines cannot be kept apart. */
    public static List<String> lines(List<String> texts, UnaryOperator<String> escape) {
        List<String> plain = texts.stream().map(escape).toList();
        String source = String.join("\n", texts);
        Node document = PARSER.parse(source);
        if (!(document.getFirstChild() instanceof Paragraph) && source.startsWith("[")) {
            // "[x]: address" at the start would be taken as a link definition and vanish; escaped, it stays words.
            source = "\\" + source;
            document = PARSER.parse(source);
        }
        if (!(document.getFirstChild() instanceof Paragraph paragraph) || paragraph.getNext() != null) {
            return plain;
        }
        Writer writer = new Writer(source.split("\n", -1), escape);
        writer.children(paragraph);
        List<String> html = writer.finish();
        return html.size() == texts.size() ? html : plain;
    }

    private static final class Writer {
        private final String[] source;
        private final UnaryOperator<String> escape;
        private final List<String> out = new ArrayList<>();
        private final Deque<String[]> open = new ArrayDeque<>();
        private StringBuilder line = new StringBuilder();

        Writer(String[] source, UnaryOperator<String> escape) {
            this.source = source;
            this.escape = escape;
        }

        void children(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                node(n);
            }
        }

        private void node(Node n) {
            switch (n) {
                case Text t -> text(t.getLiteral());
                case HtmlInline h -> text(h.getLiteral());
                case SoftLineBreak b -> breakLine();
                case HardLineBreak b -> {
                    // Only a backslash at the end of a line makes one here (lines carry no trailing spaces): keep it.
                    text("\\");
                    breakLine();
                }
                case Emphasis e -> wrap("<em>", "</em>", "", e);
                case StrongEmphasis s -> wrap("<strong>", "</strong>", "", s);
                case Strikethrough s -> wrap("<del>", "</del>", "", s);
                case Code c -> code(c);
                case Link l -> safeHref(l.getDestination()).ifPresentOrElse(href -> wrap(anchor(href, ""), "</a>", "", l), () -> children(l));
                case Image i -> {
                    Optional<String> href = safeHref(i.getDestination());
                    wrap(href.map(h -> anchor(h, " class=\"cg-image\"")).orElse("<span class=\"cg-image\">"), href.isPresent() ? "</a>" : "</span>",
                            IMAGE_MARK, i);
                }
                default -> children(n);
            }
        }

        private String anchor(String href, String cssClass) {
            return "<a href=\"" + escape.apply(href) + "\" rel=\"" + REL + "\"" + cssClass + ">";
        }

        private void wrap(String openTag, String closeTag, String prefix, Node n) {
            line.append(openTag);
            open.push(new String[] {openTag, closeTag});
            text(prefix);
            children(n);
            open.pop();
            line.append(closeTag);
        }

        /** A code span that crosses a line break is cut where the line breaks, from its source, not its literal. */
        private void code(Code c) {
            List<SourceSpan> spans = c.getSourceSpans();
            // Spans that do not fall inside the source (the parser also breaks lines at a lone carriage return) are not
            // cut: the literal is kept whole, the line count then differs and the caller falls back to escaped text.
            if (spans.size() <= 1 || !spans.stream().allMatch(this::inSource)) {
                line.append("<code>").append(escape.apply(c.getLiteral())).append("</code>");
                return;
            }
            for (int k = 0; k < spans.size(); k++) {
                SourceSpan s = spans.get(k);
                String raw = source[s.getLineIndex()].substring(s.getColumnIndex(), s.getColumnIndex() + s.getLength());
                if (k == 0) {
                    raw = raw.replaceFirst("^`+ ?", "");
                } else {
                    breakLine();
                }
                if (k == spans.size() - 1) {
                    raw = raw.replaceFirst(" ?`+$", "");
                }
                line.append("<code>").append(escape.apply(raw)).append("</code>");
            }
        }

        private boolean inSource(SourceSpan s) {
            return s.getLineIndex() < source.length && s.getColumnIndex() + s.getLength() <= source[s.getLineIndex()].length();
        }

        private void text(String literal) {
            String[] parts = literal.split("\n", -1);
            for (int k = 0; k < parts.length; k++) {
                if (k > 0) {
                    breakLine();
                }
                line.append(escape.apply(parts[k]));
            }
        }

        private void breakLine() {
            open.forEach(tag -> line.append(tag[1]));
            out.add(line.toString());
            line = new StringBuilder();
            for (Iterator<String[]> it = open.descendingIterator(); it.hasNext(); ) {
                line.append(it.next()[0]);
            }
        }

        List<String> finish() {
            out.add(line.toString());
            return out;
        }
    }
}
