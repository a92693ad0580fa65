package org.commonground.proposal.text;

/**
 * One numbered line of a text. {@code start} and {@code end} are offsets into the Markdown source, so an amendment
 * to lines 12–14 is a replacement of {@code source[start(12), end(14))}.
 *
 * @param number  1-based line number, continuous through the document
 * @param block   0-based index of the heading, paragraph, list item, quote or code block the line belongs to
 * @param kind    the kind of that block
 * @param level   heading level (1–6) or list nesting depth (0 = top level); 0 otherwise
 * @param marker  for the first line of a list item, its marker ("-", "1."); otherwise empty
 * @param text    the words on the line, single-spaced (inline Markdown such as **bold** is kept as written)
 */
public record NumberedLine(int number, int block, BlockKind kind, int level, String marker, String text, int start, int end) {
}
