package org.commonground.pact.terms;

import java.util.Map;
import java.util.Optional;

/**
 * Where a party contests seats at all: Plaid Cymru only in Wales, the SNP only in Scotland, every other party
 * anywhere. A seat's country is the first letter of its ONS (GSS) code, the same country the results file names. Pure.
 */
public final class Contests {

    private static final Map<String, String> ONLY_IN = Map.of("PC", "Wales", "SNP", "Scotland");

    private Contests() {
    }

    /** England, Wales, Scotland or Northern Ireland; empty for a code that is not a constituency's. */
    public static Optional<String> countryOf(String onsCode) {
        if (onsCode == null || onsCode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (onsCode.charAt(0)) {
            case 'E' -> "England";
            case 'W' -> "Wales";
            case 'S' -> "Scotland";
            case 'N' -> "Northern Ireland";
            default -> null;
        });
    }

    /** The one country the party contests, if it contests only one. */
    public static Optional<String> onlyIn(String party) {
        return Optional.ofNullable(ONLY_IN.get(party));
    }

    /** The party never contests this seat: its stance there can only be "not standing". */
    public static boolean neverContests(String party, String onsCode) {
        Optional<String> only = onlyIn(party);
        Optional<String> country = countryOf(onsCode);
        return only.isPresent() && country.isPresent() && !only.get().equals(country.get());
    }

    /** What a party's stance in a seat starts as, before anyone agrees anything: standing, unless it never does there. */
    public static Stance startingStance(String party, String onsCode) {
        return neverContests(party, onsCode) ? Stance.NOT_STANDING : Stance.STANDS;
    }
}
