package org.commonground.election.results;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a constituency's name is compared when someone searches for it: case, accents, "&amp;" or "and", punctuation
 * and spaces do not matter ("Ynys Môn" is found by "ynys mon", "Brighton Pavilion" by "brighton-pavilion", "Hove
 * &amp; Portslade" by "hove and portslade"). Pure.
 */
public final class ConstituencyNames {

    private ConstituencyNames() {
    }

    /** The words of a name, lower case, without accents, "&amp;" as "and", anything else not a letter or digit a space. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("&", " and ").replace("'", "").replace("\u2019", "");
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Whether every word of the search appears in the name, in order, each as the start of one of its words. */
    public static boolean matches(String nameKey, String searchKey) {
        if (searchKey.isEmpty()) {
            return false;
        }
        String name = " " + nameKey + " ";
        if (name.contains(" " + searchKey + " ")) {
            return true;
        }
        int from = 0;
        for (String word : searchKey.split(" ")) {
            int at = name.indexOf(" " + word, from);
            if (at < 0) {
                return false;
            }
            from = at + word.length() + 1;
        }
        return true;
    }

    /** An ONS constituency code ("E14001131"), in any case and with spaces around it: upper-cased, or null if it is not one. */
    public static String onsCode(String search) {
        String code = search == null ? "" : search.strip().toUpperCase(Locale.ROOT);
        return code.matches("[EWSN][0-9]{8}") ? code : null;
    }
}
