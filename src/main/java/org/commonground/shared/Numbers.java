package org.commonground.shared;

/** How the app writes counts, in one place: British grouping (100,000), whatever the server's locale. */
public final class Numbers {

    private Numbers() {
    }

    /** 100,000; grouped by hand, since {@code String.format} was a noticeable share of a 650-seat pact's page. */
    public static String grouped(long count) {
        String digits = Long.toString(Math.abs(count));
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (count < 0) {
            grouped.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
