package org.commonground.election.results;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parties whose votes are pooled in a seat analysis: some everywhere, some only in one country (Plaid Cymru
 * stands only in Wales, the SNP only in Scotland). Party codes are normalised; countries are the results file's
 * "Country name" values, compared exactly.
 */
public record Alliance(Set<String> everywhere, Map<String, Set<String>> byCountry) {

    private static final Pattern PARTY_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,19}");

    public Alliance {
        everywhere = normalised(everywhere);
        Map<String, Set<String>> countries = new LinkedHashMap<>();
        byCountry.forEach((country, parties) -> countries.put(country, normalised(parties)));
        byCountry = Collections.unmodifiableMap(countries);
    }

    /** DESIGN.md's default: Labour, Liberal Democrats and Greens everywhere, Plaid Cymru in Wales, the SNP in Scotland. */
    public static Alliance standard() {
        Map<String, Set<String>> byCountry = new LinkedHashMap<>();
        byCountry.put("Wales", Set.of("PC"));
        byCountry.put("Scotland", Set.of("SNP"));
        return new Alliance(new LinkedHashSet<>(List.of("LAB", "LD", "GRN")), byCountry);
    }

    /** Exactly these parties, in every country: what a member chooses. */
    public static Alliance of(Collection<String> parties) {
        return new Alliance(new LinkedHashSet<>(parties), Map.of());
    }

    /** "LAB,LD,GRN" (spaces allowed around the commas); the House of Commons Library's spellings ("Green") also work. */
    public static Alliance parse(String commaSeparated) {
        String example = "list party codes separated by commas, like LAB,LD,GRN";
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new IllegalArgumentException("The alliance names no parties: " + example + ".");
        }
        List<String> parties = List.of(commaSeparated.split(",", -1));
        for (String party : parties) {
            if (!PARTY_CODE.matcher(party.strip()).matches()) {
                throw new IllegalArgumentException("\"" + party.strip() + "\" in \"" + commaSeparated.strip()
                        + "\" is not a party code: " + example + ".");
            }
        }
        return of(parties);
    }

    /** The parties pooled in one country. */
    public Set<String> partiesIn(String country) {
        Set<String> local = byCountry.get(country);
        if (local == null) {
            return everywhere;
        }
        Set<String> parties = new LinkedHashSet<>(everywhere);
        parties.addAll(local);
        return Collections.unmodifiableSet(parties);
    }

    private static Set<String> normalised(Collection<String> parties) {
        Set<String> codes = new LinkedHashSet<>();
        parties.forEach(party -> codes.add(PartyCodes.normalise(party)));
        return Collections.unmodifiableSet(codes);
    }
}
