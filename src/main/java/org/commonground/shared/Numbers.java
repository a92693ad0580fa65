package org.commonground.shared;

/** How the app writes counts, in one place: British grouping (100,000), whatever the server's locale. */
public final class Numbers {

    private Numbers() {
    }

    /** 100,000 */
    public static String grouped(long count) {
        return String.format(Dates.LOCALE, "%,d", count);
    }
}
