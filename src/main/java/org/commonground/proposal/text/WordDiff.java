package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * A word-level difference between two texts (java-diff-utils' Myers diff over words and the spaces between them),
 * as a list of kept, inserted and deleted segments. Pure: no framework, no I/O.
 */
public final class WordDiff {

    public enum Kind { SAME, INSERTED, DELETED }

    public record Segment(Kind kind, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {
    }

    public static List<Segment> diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            add(segments, Kind.SAME, a.subList(position, at));
            add(segments, Kind.DELETED, delta.getSource().getLines());
            add(segments, Kind.INSERTED, delta.getTarget().getLines());
            position = at + delta.getSource().size();
        }
        add(segments, Kind.SAME, a.subList(position, a.size()));
        return segments;
    }

    public static boolean isUnchanged(List<Segment> segments) {
        return segments.stream().allMatch(s -> s.kind() == Kind.SAME);
    }

    private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            text = segments.removeLast().text() + text;
        }
        segments.add(new Segment(kind, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
