package org.commonground.election.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a HexJSON file (Open Innovations' format: a layout and hexes keyed by ONS code, each with a name and
 * q/r coordinates). Anything else is refused with a message saying what is wrong. Pure.
 */
public final class HexJsonParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ONS_CODE = Pattern.compile("^[EWSN][0-9]{8}$");
    private static final Set<String> LAYOUTS = Set.of("odd-r", "even-r", "odd-q", "even-q");

    private HexJsonParser() {
    }

    public static HexLayout parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("This is not a HexJSON file: it is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("This is not a HexJSON file: it should be one JSON object with \"layout\" and \"hexes\".");
        }
        String layout = root.path("layout").asString("");
        if (!LAYOUTS.contains(layout)) {
            throw new IllegalArgumentException("The HexJSON layout must be one of odd-r, even-r, odd-q or even-q, not \"" + layout + "\".");
        }
        JsonNode hexes = root.path("hexes");
        if (!hexes.isObject() || hexes.isEmpty()) {
            throw new IllegalArgumentException("The HexJSON file has no \"hexes\".");
        }
        List<HexCell> cells = new ArrayList<>();
        Set<String> places = new HashSet<>();
        for (Map.Entry<String, JsonNode> hex : hexes.properties()) {
            String code = hex.getKey();
            JsonNode h = hex.getValue();
            if (!ONS_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Hex \"" + code + "\" is not keyed by an ONS constituency code such as E14001234.");
            }
            if (!h.path("q").isInt() || !h.path("r").isInt()) {
                throw new IllegalArgumentException("Hex " + code + " needs whole-number \"q\" and \"r\" coordinates.");
            }
            int q = h.path("q").asInt();
            int r = h.path("r").asInt();
            if (!places.add(q + "," + r)) {
                throw new IllegalArgumentException("Hex " + code + " is on the same place (q " + q + ", r " + r + ") as another hex.");
            }
            String name = h.path("n").asString(code);
            cells.add(new HexCell(code, name.length() > 200 ? name.substring(0, 200) : name, q, r));
        }
        return new HexLayout(layout, cells);
    }
}
