package org.commonground.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage of a search result as plain text segments, some highlighted. It holds no markup at all: the page
 * puts each segment into the page as text (highlighted ones in a {@code <mark>}), so nothing a member wrote can
 * become HTML in another member's browser.
 */
public record Snippet(List<Part> parts) {

    /** A stretch of text, highlighted when it matched the search. */
    public record Part(String text, boolean highlighted) {
    }

    /** Marks the start of a match in the text PostgreSQL's {@code ts_headline} returns (never in stored text). */
    public static final char START = '\u0002';
    /** Marks the end of a match. */
    public static final char STOP = '\u0003';

    public Snippet {
        parts = List.copyOf(parts);
    }

    /** Splits a headline at its markers; a marker out of place (unmatched or nested) is simply dropped. */
    public static Snippet fromHeadline(String headline) {
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean highlighted = false;
        String text = headline == null ? "" : headline;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == START || c == STOP) {
                boolean next = c == START;
                if (next != highlighted) {
                    add(parts, current, highlighted);
                    highlighted = next;
                }
            } else {
                current.append(c);
            }
        }
        add(parts, current, highlighted);
        return new Snippet(parts);
    }

    private static void add(List<Part> parts, StringBuilder text, boolean highlighted) {
        if (!text.isEmpty()) {
            parts.add(new Part(text.toString(), highlighted));
            text.setLength(0);
        }
    }

    /** The words that matched, in order. */
    public List<String> highlights() {
        return parts.stream().filter(Part::highlighted).map(Part::text).toList();
    }

    /** The snippet as plain text, without any highlighting. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.text()));
        return text.toString();
    }
}
