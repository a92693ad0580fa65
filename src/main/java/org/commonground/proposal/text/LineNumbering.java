package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a Markdown text into numbered lines of at most {@code width} characters. This one function numbers the
 * screen, the public page and the PDF, so a line number means the same everywhere. Headings, list items, quotes
 * and code keep their structure; paragraphs are re-flowed; a word longer than a line is broken, never dropped.
 * A link or image ({@code [a fair say](https://…)}) is kept whole on one line when it fits in one, so it renders as
 * one link. Each row of a pipe table (GFM), header and body, is one numbered line however wide, so a cited line is always a
 * whole row and a table renders row by row; the {@code |---|} delimiter row is markup and is not numbered.
 * Blank lines between blocks are not numbered. Characters are counted as Unicode code points, so Welsh ŵ and ŷ
 * count as one. Pure: no framework, no I/O.
 */
public final class LineNumbering {

    public static final int MIN_WIDTH = 20;
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+|$)");
    private static final Pattern LIST_ITEM = Pattern.compile("^([ \\t]*)([-*+]|\\d{1,9}[.)])[ \\t]+");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}>[ \\t]?");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\[\\]]*]\\([^()\\s]*\\)");
    private static final Pattern DELIMITER_ROW = Pattern.compile("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");

    private LineNumbering() {
    }

    public static List<NumberedLine> number(String markdown, int width) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("A line must hold at least " + MIN_WIDTH + " characters");
        }
        return new Breaker(markdown == null ? "" : markdown, width).run();
    }

    /** The lines grouped by the block (heading, paragraph, list item, quote, code, table) each belongs to, in order. */
    public static List<List<NumberedLine>> blocks(List<NumberedLine> lines) {
        List<List<NumberedLine>> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int j = i + 1;
            while (j < lines.size() && lines.get(j).block() == lines.get(i).block()) {
                j++;
            }
            blocks.add(lines.subList(i, j));
            i = j;
        }
        return blocks;
    }

    /** Source offsets covered by lines {@code from}–{@code to} (1-based, inclusive). */
    public static TextRange range(List<NumberedLine> lines, int from, int to) {
        if (from < 1 || to < from || to > lines.size()) {
            throw new IllegalArgumentException("Lines " + from + "–" + to + " do not exist; the text has " + lines.size() + " lines");
        }
        return new TextRange(lines.get(from - 1).start(), lines.get(to - 1).end());
    }

    /** The first and last line numbers that a source range touches, or {0, 0} if it touches none. */
    public static int[] linesOf(List<NumberedLine> lines, TextRange range) {
        int first = 0;
        int last = 0;
        for (NumberedLine line : lines) {
            boolean touches = line.start() < range.end() && range.start() < line.end()
                    || range.isEmpty() && line.start() <= range.start() && range.start() <= line.end();
            if (touches) {
                if (first == 0) {
                    first = line.number();
                }
                last = line.number();
            }
        }
        return new int[] {first, last};
    }

    /**
     * The lines that cite a change to {@code range}: those it touches, or, for a change between lines (a blank line
     * removed, a paragraph added at the end), the lines on either side of it. {0, 0} only for a text with no lines.
     */
    public static int[] citedLines(List<NumberedLine> lines, TextRange range) {
        int[] touched = linesOf(lines, range);
        if (touched[0] != 0 || lines.isEmpty()) {
            return touched;
        }
        int before = 0;
        int after = 0;
        for (NumberedLine line : lines) {
            if (line.end() <= range.start()) {
                before = line.number();
            } else if (after == 0 && line.start() >= range.end()) {
                after = line.number();
            }
        }
        return new int[] {before == 0 ? after : before, after == 0 ? before : after};
    }

    private static final class Breaker {
        private final String source;
        private final int width;
        private final List<NumberedLine> out = new ArrayList<>();
        private int block = -1;

        Breaker(String source, int width) {
            this.source = source;
            this.width = width;
        }

        List<NumberedLine> run() {
            List<int[]> lines = sourceLines();
            int i = 0;
            while (i < lines.size()) {
                int start = lines.get(i)[0];
                String line = text(lines.get(i));
                Matcher m;
                if (line.isBlank()) {
                    i++;
                } else if ((m = FENCE.matcher(line)).find()) {
                    i = code(lines, i, m.group(1));
                } else if (tableStarts(lines, i)) {
                    i = table(lines, i);
                } else if ((m = HEADING.matcher(line)).find()) {
                    block++;
                    flow(List.of(new int[] {start + m.end(), lines.get(i)[1]}), BlockKind.HEADING, m.group(1).length(), "");
                    i++;
                } else if ((m = LIST_ITEM.matcher(line)).find()) {
                    int depth = m.group(1).replace("\t", "    ").length() / 2;
                    List<int[]> parts = new ArrayList<>();
                    parts.add(new int[] {start + m.end(), lines.get(i)[1]});
                    i++;
                    while (i < lines.size() && continues(text(lines.get(i)))) {
                        parts.add(lines.get(i));
                        i++;
                    }
                    block++;
                    flow(parts, BlockKind.LIST_ITEM, depth, m.group(2));
                } else if ((m = QUOTE.matcher(line)).find()) {
                    List<int[]> parts = new ArrayList<>();
                    while (i < lines.size() && (m = QUOTE.matcher(text(lines.get(i)))).find()) {
                        parts.add(new int[] {lines.get(i)[0] + m.end(), lines.get(i)[1]});
                        i++;
                    }
                    block++;
                    flow(parts, BlockKind.QUOTE, 0, "");
                } else {
                    List<int[]> parts = new ArrayList<>();
                    parts.add(lines.get(i));
                    i++;
                    while (i < lines.size() && continues(text(lines.get(i))) && !tableStarts(lines, i)) {
                        parts.add(lines.get(i));
                        i++;
                    }
                    block++;
                    flow(parts, BlockKind.PARAGRAPH, 0, "");
                }
            }
            return out;
        }

        /** A line that carries on the paragraph or list item above it rather than starting a new block. */
        private static boolean continues(String line) {
            return !line.isBlank() && !HEADING.matcher(line).find() && !LIST_ITEM.matcher(line).find()
                    && !QUOTE.matcher(line).find() && !FENCE.matcher(line).find();
        }

        /** A header row followed by a delimiter row with as many cells, as GFM requires. */
        private boolean tableStarts(List<int[]> lines, int i) {
            if (i + 1 >= lines.size()) {
                return false;
            }
            String header = text(lines.get(i));
            String delimiter = text(lines.get(i + 1));
            return header.indexOf('|') >= 0 && !FENCE.matcher(header).find() && !QUOTE.matcher(header).find()
                    && delimiter.indexOf('|') >= 0 && DELIMITER_ROW.matcher(delimiter).matches()
                    && TableRow.cells(header).size() == TableRow.cells(delimiter).size();
        }

        /** Rows until a blank line or the start of another block; each row one line, from its first to its last character. */
        private int table(List<int[]> lines, int i) {
            block++;
            addRow(lines.get(i));
            int j = i + 2;
            while (j < lines.size() && continues(text(lines.get(j)))) {
                addRow(lines.get(j));
                j++;
            }
            return j;
        }

        private void addRow(int[] line) {
            int from = line[0];
            int to = line[1];
            while (from < to && Character.isWhitespace(source.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(source.charAt(to - 1))) {
                to--;
            }
            add(BlockKind.TABLE, 0, "", source.substring(from, to), from, to);
        }

        /** Code keeps its line breaks and spaces; only a line longer than the width is cut. */
        private int code(List<int[]> lines, int i, String fence) {
            block++;
            int j = i + 1;
            while (j < lines.size() && !text(lines.get(j)).strip().startsWith(fence)) {
                int[] line = lines.get(j);
                int from = line[0];
                if (from == line[1]) {
                    add(BlockKind.CODE, 0, "", "", from, from);
                }
                while (from < line[1]) {
                    int to = advance(from, line[1], width);
                    add(BlockKind.CODE, 0, "", source.substring(from, to), from, to);
                    from = to;
                }
                j++;
            }
            return Math.min(j + 1, lines.size());
        }

        /** Re-flows the words of a block into lines; list items and quotes lose their marker's width. */
        private void flow(List<int[]> parts, BlockKind kind, int level, String marker) {
            int available = kind == BlockKind.LIST_ITEM ? width - 2 * level - Math.max(2, marker.length() + 1)
                    : kind == BlockKind.QUOTE ? width - 2 : width;
            available = Math.max(available, MIN_WIDTH / 2);
            StringBuilder text = new StringBuilder();
            int lineStart = -1;
            int lineEnd = -1;
            int length = 0;
            boolean first = true;
            for (int[] part : parts) {
                Matcher words = WORD.matcher(source).region(part[0], part[1]);
                while (words.find()) {
                    int ws = words.start();
                    int we = words.end();
                    String whole = null;
                    int wordLength = source.codePointCount(ws, we);
                    Matcher link = LINK.matcher(source).region(ws, part[1]);
                    if (link.lookingAt() && link.end() > we) {
                        // A link or image and what clings to it ("),") is kept whole on one line if it fits in one.
                        int end = link.end();
                        while (end < part[1] && !Character.isWhitespace(source.charAt(end))) {
                            end++;
                        }
                        String spaced = WHITESPACE.matcher(source.substring(ws, end)).replaceAll(" ");
                        if (spaced.codePointCount(0, spaced.length()) <= available) {
                            we = end;
                            whole = spaced;
                            wordLength = spaced.codePointCount(0, spaced.length());
                            words.region(end, part[1]);
                        }
                    }
                    if (length > 0 && length + 1 + wordLength > available) {
                        add(kind, level, first ? marker : "", text.toString(), lineStart, lineEnd);
                        first = false;
                        text.setLength(0);
                        length = 0;
                    }
                    while (wordLength > available) {
                        int cut = advance(ws, we, available);
                        add(kind, level, first ? marker : "", source.substring(ws, cut), ws, cut);
                        first = false;
                        wordLength -= source.codePointCount(ws, cut);
                        ws = cut;
                    }
                    if (length == 0) {
                        lineStart = ws;
                    } else {
                        text.append(' ');
                        length++;
                    }
                    if (whole != null) {
                        text.append(whole);
                    } else {
                        text.append(source, ws, we);
                    }
                    length += wordLength;
                    lineEnd = we;
                }
            }
            if (length > 0) {
                add(kind, level, first ? marker : "", text.toString(), lineStart, lineEnd);
            } else if (first) {
                // A heading or list marker with no words still holds a numbered line, so nothing is lost.
                int at = parts.getFirst()[0];
                add(kind, level, marker, "", at, at);
            }
        }

        private int advance(int from, int limit, int codePoints) {
            int to = from;
            for (int n = 0; n < codePoints && to < limit; n++) {
                to += Character.charCount(source.codePointAt(to));
            }
            return to;
        }

        private void add(BlockKind kind, int level, String marker, String text, int start, int end) {
            out.add(new NumberedLine(out.size() + 1, block, kind, level, marker, text, start, end));
        }

        /** [start, end) of each source line, without its line break. */
        private List<int[]> sourceLines() {
            List<int[]> lines = new ArrayList<>();
            int start = 0;
            for (int k = 0; k < source.length(); k++) {
                if (source.charAt(k) == '\n') {
                    int end = k > start && source.charAt(k - 1) == '\r' ? k - 1 : k;
                    lines.add(new int[] {start, end});
                    start = k + 1;
                }
            }
            if (start < source.length()) {
                lines.add(new int[] {start, source.length()});
            }
            return lines;
        }

        private String text(int[] line) {
            return source.substring(line[0], line[1]);
        }
    }
}
