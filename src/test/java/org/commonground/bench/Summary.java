package org.commonground.bench;

import java.util.Locale;

/**
 * One machine-readable line per measured figure, {@code SUMMARY|benchmark|measure|target|figure|met}, which
 * bench/summary collects from every benchmark into one table; the human-readable report stays as it was.
 */
final class Summary {

    private Summary() {
    }

    /** A figure with its target; {@code met} is null where there is no target (the figure is for information). */
    static void line(String benchmark, String measure, String target, String figure, Boolean met) {
        System.out.println(String.join("|", "SUMMARY", clean(benchmark), clean(measure), clean(target), clean(figure),
                met == null ? "-" : met ? "met" : "MISSED"));
    }

    /** Milliseconds as the table shows them: whole above 10 ms, one decimal below. */
    static String ms(double millis) {
        return millis >= 10 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** Whether {@code figure} is under a target written as "< 100 ms" or "< 2 MB" (in the figure's unit); null without one. */
    static Boolean under(String target, double figure) {
        java.util.regex.Matcher limit = java.util.regex.Pattern.compile("<\\s*([0-9.,]+)").matcher(target);
        return limit.find() ? figure < Double.parseDouble(limit.group(1).replace(",", "")) : null;
    }

    // A '|' inside a cell would split it in the table.
    private static String clean(String cell) {
        return cell.replace('|', '/').strip();
    }
}
