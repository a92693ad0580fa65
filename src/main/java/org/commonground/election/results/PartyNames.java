package org.commonground.election.results;

import java.util.Map;

/**
 * The parties' names as voters know them, for the House of Commons Library's columns (normalised by
 * {@link PartyCodes}): public pages name parties, they do not abbreviate them. A code without a name here is shown as
 * it is. Pure.
 */
public final class PartyNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("CON", "Conservative"), Map.entry("LAB", "Labour"), Map.entry("LD", "Liberal Democrat"),
            Map.entry("RUK", "Reform UK"), Map.entry("BRX", "Brexit Party"), Map.entry("GRN", "Green"),
            Map.entry("SNP", "Scottish National Party"), Map.entry("PC", "Plaid Cymru"), Map.entry("DUP", "Democratic Unionist Party"),
            Map.entry("SF", "Sinn Féin"), Map.entry("SDLP", "Social Democratic and Labour Party"), Map.entry("UUP", "Ulster Unionist Party"),
            Map.entry("APNI", "Alliance Party of Northern Ireland"), Map.entry("TUV", "Traditional Unionist Voice"),
            Map.entry("IND", "Independent"), Map.entry(PartyCodes.SPEAKER, "the Speaker"), Map.entry("UKIP", "UKIP"),
            Map.entry(ConstituencyResult.OTHER, "Others"));

    private PartyNames() {
    }

    /** "Labour" for LAB (or "Lab"); the code itself when it has no name here. */
    public static String of(String code) {
        String normalised = PartyCodes.normalise(code);
        return NAMES.getOrDefault(normalised, normalised);
    }
}
