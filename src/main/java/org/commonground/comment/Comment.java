package org.commonground.comment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.commonground.proposal.text.Passages;

/**
 * A comment as its reader sees it. A deleted comment with replies keeps its place with an empty body.
 *
 * @param revision  for a comment on a paragraph or passage: the revision its lines are numbered in, the current one
 *                  while its words are still there, since each new revision carries it along with them
 * @param line      for a comment on a passage or paragraph: the line it starts at, in revision {@code revision}
 * @param lastLine  for a comment on a passage: the line it ends at (null for older comments, which cite one line)
 * @param changedIn the revision that changed the words the comment is on (null while they stand)
 */
public record Comment(long id, Long parentId, Long amendmentId, long authorId, String authorName, String partyCode,
                      String partyColour, Visibility visibility, Integer revision, Integer block, Integer line, Integer lastLine, String quote,
                      Integer changedIn, String body, OffsetDateTime createdAt, OffsetDateTime editedAt, boolean deleted) {

    /** Whether an anchor with this last line and quote is on a whole paragraph, not a passage of it. */
    static boolean onParagraph(Integer lastLine, String quote) {
        return lastLine == null && quote == null;
    }

    /** "line 6" or "lines 6–7": the lines a passage comment cites, as amendments cite theirs. */
    public String lines() {
        return Passages.citeLines(List.<int[]>of(new int[] {line, lastLine == null ? line : lastLine}));
    }

    /** What the comment is on, in words: "lines 6–7" or "the paragraph at line 3" (null for one on no lines). */
    public String cites() {
        return line == null ? null : onParagraph(lastLine, quote) ? "the paragraph at line " + line : lines();
    }

    /**
     * The margin notes of revision {@code current}: for each line that a comment visible in {@code thread} starts at,
     * what each of them is on ("On lines 6–7"), in the thread's order.
     */
    public static Map<Integer, List<String>> marginNotes(List<Comment> thread, int current) {
        Map<Integer, List<String>> notes = new TreeMap<>();
        thread.stream().filter(c -> c.markedIn(current))
                .forEach(c -> notes.computeIfAbsent(c.line(), k -> new ArrayList<>()).add("On " + c.cites()));
        return notes;
    }

    /** Whether its margin marker belongs beside line {@code line} of revision {@code current}: its words are there. */
    public boolean markedIn(int current) {
        return amendmentId == null && !deleted && line != null && changedIn == null && revision != null && revision == current;
    }
}
