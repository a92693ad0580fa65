package org.commonground.election.results;

import java.util.Locale;

/**
 * The House of Commons Library's party abbreviations turned into the app's party codes ("Lab" is LAB, "Green" is
 * GRN). Codes the app does not know (BRX in 2019, anything new) are kept, upper-cased, so other elections' files
 * import without code changes.
 */
public final class PartyCodes {

    public static final String SPEAKER = "SPK";

    private PartyCodes() {
    }

    /** Idempotent: a code already normalised comes back unchanged. Null is treated as blank. */
    public static String normalise(String hocCode) {
        if (hocCode == null) {
            return "";
        }
        String code = hocCode.strip().toUpperCase(Locale.ROOT);
        // The only House of Commons Library abbreviation that differs from the app's code by more than case.
        return code.equals("GREEN") ? "GRN" : code;
    }

    public static boolean isSpeaker(String code) {
        return SPEAKER.equals(normalise(code));
    }
}
