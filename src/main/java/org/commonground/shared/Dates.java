package org.commonground.shared;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How the app writes dates and times, in one place: British English (12 September 2026, 18:00), whatever the
 * server's or the browser's locale. No framework: services, views and published documents all use it.
 */
public final class Dates {

    /** The members' language; every member's is en-GB until the app offers another. */
    public static final Locale LOCALE = Locale.UK;

    /**
     * The clock the members read, whatever zone the server runs in: a moment shows as the same time on every page,
     * and a time typed into a picker means this zone's time.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE).withZone(ZONE);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", LOCALE).withZone(ZONE);
    /** For what is recent (a comment, a notice), where the year goes without saying. */
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("d MMM, HH:mm", LOCALE).withZone(ZONE);

    private Dates() {
    }

    /** 12 September 2026 */
    public static String day(TemporalAccessor when) {
        return DAY.format(when);
    }

    /** 12 September 2026, 18:00 */
    public static String dayAndTime(TemporalAccessor when) {
        return DAY_AND_TIME.format(when);
    }

    /** 12 Sept, 18:00 */
    public static String recent(TemporalAccessor when) {
        return RECENT.format(when);
    }
}
