package org.commonground.publishing;

import static org.commonground.publishing.document.DocumentXhtml.escape;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.election.PublicElectionService.PublicMap;
import org.commonground.election.map.HexCell;
import org.commonground.election.map.HexMapSvg;
import org.commonground.election.results.PartyNames;
import org.commonground.election.results.SeatVerdict;
import org.commonground.publishing.document.PublicChrome;

/**
 * The public map: every constituency a hexagon linking to its seat page, the seats of published pacts marked with a
 * diamond and the target seats (where the alliance together out-polled a winner from outside it) with a ring and a
 * dot, so nothing depends on colour; and the same seats as a table for whoever does not use the map.
 */
final class PublicMapHtml {

    static final String PACT = "#1b6b50";
    static final String TARGET = "#f2b134";
    static final String HELD = "#9cc3e6";
    static final String OTHER = "#d9d9d9";

    private PublicMapHtml() {
    }

    static String page(PublicMap map, Map<String, List<PublishedPacts.SeatPact>> pacts, PublicChrome chrome) {
        Map<String, HexMapSvg.Cell> cells = new LinkedHashMap<>();
        List<Row> rows = new java.util.ArrayList<>();
        for (HexCell c : map.layout().cells()) {
            SeatVerdict v = map.verdicts().get(c.onsCode());
            List<PublishedPacts.SeatPact> covering = pacts.getOrDefault(c.onsCode(), List.of());
            String description;
            String colour;
            if (!covering.isEmpty()) {
                description = "published pact backing " + SeatPageHtml.candidate(covering.getLast().candidate());
                colour = PACT;
            } else if (v != null && v.target()) {
                description = "target seat: the alliance together out-polled the winner";
                colour = TARGET;
            } else if (v != null && v.allianceHolds()) {
                description = "held by " + PartyNames.of(v.winner());
                colour = HELD;
            } else {
                description = v == null ? "no result in this election" : "won by " + PartyNames.of(v.winner());
                colour = OTHER;
            }
            cells.put(c.onsCode(), new HexMapSvg.Cell(colour, v != null && v.target(), !covering.isEmpty(), description));
            if (!covering.isEmpty() || (v != null && v.target())) {
                rows.add(new Row(c.onsCode(), c.name(), v, covering));
            }
        }
        rows.sort(Comparator.comparing(Row::name));
        long pactSeats = rows.stream().filter(r -> !r.pacts().isEmpty()).count();
        long targets = rows.stream().filter(r -> r.verdict() != null && r.verdict().target()).count();

        StringBuilder body = new StringBuilder("<h1>Map of the published pacts and target seats</h1>\n<p>")
                .append(map.setting() == null ? "No election has been chosen for the public pages yet, so no seat is marked as a target. "
                        : "Target seats are those where, in " + escape(map.setting().electionName()) + ", the alliance parties together had more votes than a winner from outside them. ")
                .append(pactSeats == 1 ? "1 seat is" : pactSeats + " seats are").append(" covered by a published pact; ")
                .append(targets == 1 ? "1 seat is a target" : targets + " seats are targets").append(". Each hexagon is a constituency and leads to its page, where it has one. ")
                .append("<a href=\"#seats-table\">Skip the map to the table of these seats</a>.</p>\n")
                .append(legend())
                .append("<div class=\"hexmap\">").append(HexMapSvg.svg(map.layout(), cells, code -> map.seatsWithPages().contains(code) ? "/p/seats/" + code : null)).append("</div>\n");
        map.credit().ifPresent(credit -> body.append("<p class=\"meta\">").append(escape(credit)).append("</p>\n"));
        table(body, rows, map);
        return PublicChrome.START + "<title>Map of the published pacts and target seats · Common Ground</title>\n"
                + "<meta name=\"description\" content=\"Every constituency, with the seats of the progressive parties' published pacts and the seats "
                + "they could win together.\"/>\n" + chrome.stylesheets() + "<link rel=\"stylesheet\" href=\"/p/assets/seats.css\"/>\n"
                + chrome.header() + body + chrome.footer("");
    }

    private record Row(String onsCode, String name, SeatVerdict verdict, List<PublishedPacts.SeatPact> pacts) {
    }

    private static String legend() {
        return "<ul class=\"map-legend\">\n"
                + "<li>" + swatch(PACT, "<polygon points=\"8,3.5 12.5,8 8,12.5 3.5,8\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"0.8\"/>")
                + " A published pact's seat (a diamond)</li>\n"
                + "<li>" + swatch(TARGET, "<circle cx=\"8\" cy=\"8\" r=\"2.2\" fill=\"#111\"/>") + " A target seat (ringed, with a dot)</li>\n"
                + "<li>" + swatch(HELD, "") + " Held by an alliance party</li>\n"
                + "<li>" + swatch(OTHER, "") + " Any other seat</li>\n</ul>\n";
    }

    private static String swatch(String colour, String marker) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">"
                + "<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"" + colour + "\" stroke=\"#111\"/>" + marker + "</svg>";
    }

    private static void table(StringBuilder body, List<Row> rows, PublicMap map) {
        body.append("<h2 id=\"seats-table\">The published pacts' seats and the target seats</h2>\n");
        if (rows.isEmpty()) {
            body.append("<p>None yet.</p>\n");
            return;
        }
        body.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"seats-table\"><table class=\"map-seats\">\n")
                .append("<thead><tr><th scope=\"col\">Constituency</th><th scope=\"col\">Winner</th><th scope=\"col\">Best-placed alliance party</th>")
                .append("<th scope=\"col\">Target</th><th scope=\"col\">Published pact</th></tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            body.append("<tr><th scope=\"row\">").append(map.seatsWithPages().contains(r.onsCode())
                            ? "<a href=\"/p/seats/" + escape(r.onsCode()) + "\">" + escape(r.name()) + "</a>" : escape(r.name())).append("</th><td>")
                    .append(r.verdict() == null ? "–" : escape(PartyNames.of(r.verdict().winner()))).append("</td><td>")
                    .append(r.verdict() == null || r.verdict().bestPlaced() == null ? "–" : escape(PartyNames.of(r.verdict().bestPlaced()))).append("</td><td>")
                    .append(r.verdict() != null && r.verdict().target() ? "yes" : "no").append("</td><td>");
            if (r.pacts().isEmpty()) {
                body.append("–");
            } else {
                for (int i = 0; i < r.pacts().size(); i++) {
                    PublishedPacts.SeatPact p = r.pacts().get(i);
                    body.append(i == 0 ? "" : "; ").append("<a href=\"").append(escape(p.documentHref())).append("\">").append(escape(p.title())).append("</a>, backing ")
                            .append(escape(SeatPageHtml.candidate(p.candidate())));
                }
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody></table></div>\n");
    }
}
