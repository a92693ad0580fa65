package org.commonground.election;

import java.util.HashMap;
import java.util.Map;

import org.commonground.party.Party;
import org.commonground.party.PartyService;
import org.springframework.stereotype.Component;

/**
 * Colours for every party code in results files: the app's parties use their own colours, the others (which
 * members cannot join) the colours they are usually shown in.
 */
@Component
public class PartyPalette {

    private static final Map<String, String> OTHERS = Map.ofEntries(
            Map.entry("CON", "#0087DC"), Map.entry("RUK", "#12B6CF"), Map.entry("BRX", "#12B6CF"), Map.entry("UKIP", "#70147A"),
            Map.entry("DUP", "#D46A4C"), Map.entry("SF", "#326760"), Map.entry("SDLP", "#2AA82C"), Map.entry("UUP", "#48A5EE"),
            Map.entry("APNI", "#F6CB2F"), Map.entry("TUV", "#0C3A6A"), Map.entry("SPK", "#555555"), Map.entry("IND", "#999999"),
            Map.entry("OTHER", "#BBBBBB"));

    private final PartyService parties;

    PartyPalette(PartyService parties) {
        this.parties = parties;
    }

    /** Code to colour, for the app's parties and the usual others; unknown codes are grey. */
    public Map<String, String> colours() {
        Map<String, String> colours = new HashMap<>(OTHERS);
        for (Party p : parties.list()) {
            colours.put(p.code(), p.colour());
        }
        return colours;
    }

    public static String colourOf(Map<String, String> colours, String code) {
        return code == null ? "#dddddd" : colours.getOrDefault(code, "#999999");
    }
}
