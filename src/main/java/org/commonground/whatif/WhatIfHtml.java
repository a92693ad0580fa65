package org.commonground.whatif;

import static org.commonground.publishing.document.DocumentXhtml.escape;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.commonground.election.PartyPalette;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.SeatTotalsChart;
import org.commonground.election.results.TransferRates;
import org.commonground.election.results.TransferRates.Pair;
import org.commonground.election.results.WhatIfSeats;
import org.commonground.publishing.document.PublicChrome;
import org.commonground.shared.Dates;

/**
 * The "what if" page as plain HTML: the form (a GET, so it works without script and every answer has an address a
 * cache can keep), the chart and table of one election's seats, and the table across elections.
 *
 * @param names   party code to name, for the parties the app knows; others are named by {@link #OTHER_NAMES} or their code
 * @param colours party code to colour, for the chart's bars
 */
record WhatIfHtml(PublicChrome chrome, Map<String, String> names, Map<String, String> colours) {

    static final String SOURCE_ADDRESS = "https://www1.politicalbetting.com/index.php/archives/2022/06/27/the-data-the-advocates-of-a-progressive-alliance-ignore";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Map<String, String> OTHER_NAMES = Map.ofEntries(Map.entry("CON", "Conservative"), Map.entry("RUK", "Reform UK"),
            Map.entry("BRX", "Brexit Party"), Map.entry("UKIP", "UKIP"), Map.entry("DUP", "Democratic Unionist"), Map.entry("SF", "Sinn Féin"),
            Map.entry("SDLP", "SDLP"), Map.entry("UUP", "Ulster Unionist"), Map.entry("APNI", "Alliance (Northern Ireland)"),
            Map.entry("TUV", "Traditional Unionist Voice"), Map.entry("SPK", "Speaker"), Map.entry("IND", "Independent"));

    String page(WhatIfRequest request, Alliance alliance, List<WhatIfService.ElectionChoice> elections, Optional<WhatIfService.Answer> answer,
                List<WhatIfService.AcrossElections> across, TransferRates defaults) {
        StringBuilder body = new StringBuilder(32_000);
        body.append("<div class=\"what-if\">\n<h1>What if the alliance’s voters backed one candidate?</h1>\n")
                .append("<p>In each seat, the best-placed alliance party is the one with most votes among ").append(escape(inWords(alliance)))
                .append(". Choose what share of each party’s voters would vote for another alliance ")
                .append("party’s candidate there: those votes move to that candidate, and the rest stay where they were. No vote goes to the ")
                .append("winner’s party or anyone else, and nobody new turns out. A seat changes hands only if the candidate then has more votes than ")
                .append("anyone; on a tie the winner keeps it. The Speaker’s seat is left as it was.</p>\n");
        long rateProblems = request.problems().keySet().stream().filter(field -> !field.equals(WhatIfRequest.ELECTION)).count();
        if (rateProblems > 0 || request.problems().containsKey(WhatIfRequest.ELECTION)) {
            body.append("<p class=\"problems\" role=\"alert\">");
            if (rateProblems > 0) {
                body.append(rateProblems == 1 ? "One rate" : rateProblems + " rates").append(" could not be used, so the default stands in for ")
                        .append(rateProblems == 1 ? "it" : "them").append(": see the message beside ").append(rateProblems == 1 ? "it" : "each")
                        .append(" below. ");
            }
            if (request.problems().containsKey(WhatIfRequest.ELECTION)) {
                body.append("The election asked for is not among those imported: see beside the choice of election below.");
            }
            body.append("</p>\n");
        }
        answer.ifPresentOrElse(a -> results(body, a), () -> body.append(elections.isEmpty()
                ? "<p>No election results have been imported yet, so there is nothing to count.</p>\n" : ""));
        form(body, request, elections, answer, defaults);
        acrossElections(body, across);
        body.append("</div>\n");
        return PublicChrome.START + "<title>What if · Common Ground</title>\n" + chrome.stylesheets() + chrome.header() + body + chrome.footer("");
    }

    private void results(StringBuilder body, WhatIfService.Answer a) {
        WhatIfSeats.Totals t = a.totals();
        String election = a.election().name() + " (" + a.election().code() + ")";
        body.append("<h2>Seats in ").append(escape(election)).append("</h2>\n<p>")
                .append(a.seats()).append(" constituencies. With these transfers in every seat, the alliance’s parties would have won ")
                .append(t.allianceEverywhere()).append(" seats instead of ").append(t.allianceAsCast()).append(" (").append(signed(t.allianceGainEverywhere()))
                .append("). Published pacts cover ").append(a.pactSeats()).append(" of these seats")
                .append(a.pactSeats() == 0 ? ", so transfers only there change nothing." : "; with transfers only there, the alliance would have won "
                        + t.allianceInPactSeats() + " (" + signed(t.allianceGainInPactSeats()) + ").").append("</p>\n");
        body.append("<figure>\n").append(SeatTotalsChart.svg(t, "Seats per party in " + election + ": as cast, with transfers in all seats, "
                + "and with transfers only in published pacts’ seats", this::name, code -> PartyPalette.colourOf(colours, code)))
                .append("\n<figcaption>Bars per party: “as cast” is the result; “all seats” with these transfers everywhere; “pact seats” with ")
                .append("them only in the seats of published pacts.</figcaption>\n</figure>\n");
        // Focusable: on a phone the table scrolls in its own box, and a keyboard must be able to scroll it.
        body.append("<table class=\"seat-totals\" tabindex=\"0\">\n<caption>Seats per party in ").append(escape(election)).append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Party</th><th scope=\"col\">As cast</th><th scope=\"col\">Transfers in every seat</th>")
                .append("<th scope=\"col\">Change</th><th scope=\"col\">Transfers only in published pacts’ seats</th><th scope=\"col\">Change</th>")
                .append("</tr></thead>\n<tbody>\n");
        List<String> parties = new ArrayList<>(t.asCast().keySet());
        t.transfersEverywhere().keySet().stream().filter(p -> !parties.contains(p)).forEach(parties::add);
        t.transfersInPactSeats().keySet().stream().filter(p -> !parties.contains(p)).forEach(parties::add);
        for (String party : parties) {
            int cast = t.asCast().getOrDefault(party, 0);
            int everywhere = t.transfersEverywhere().getOrDefault(party, 0);
            int pacts = t.transfersInPactSeats().getOrDefault(party, 0);
            body.append("<tr><th scope=\"row\">").append(escape(name(party))).append("</th>").append(cell(cast)).append(cell(everywhere))
                    .append(change(everywhere - cast)).append(cell(pacts)).append(change(pacts - cast)).append("</tr>\n");
        }
        body.append("</tbody>\n<tfoot><tr><th scope=\"row\">The alliance’s parties</th>").append(cell(t.allianceAsCast())).append(cell(t.allianceEverywhere()))
                .append(change(t.allianceGainEverywhere())).append(cell(t.allianceInPactSeats())).append(change(t.allianceGainInPactSeats()))
                .append("</tr></tfoot>\n</table>\n");
    }

    private void form(StringBuilder body, WhatIfRequest request, List<WhatIfService.ElectionChoice> elections,
                      Optional<WhatIfService.Answer> answer, TransferRates defaults) {
        body.append("<h2>Your transfer rates</h2>\n<p class=\"source\">").append(escape(WhatIfService.DEFAULT_SOURCE).replace("PoliticalBetting",
                "<a href=\"" + escape(SOURCE_ADDRESS) + "\">PoliticalBetting</a>")).append("</p>\n");
        body.append("<form class=\"what-if-form\" method=\"get\" action=\"/p/what-if\">\n");
        if (!elections.isEmpty()) {
            String chosen = answer.map(a -> a.election().code()).orElse("");
            body.append("<div class=\"field\"><label for=\"election\">Election</label>\n<select id=\"election\" name=\"election\"")
                    .append(describedBy(request, WhatIfRequest.ELECTION)).append(">\n");
            for (WhatIfService.ElectionChoice e : elections) {
                body.append("<option value=\"").append(escape(e.code())).append("\"").append(e.code().equals(chosen) ? " selected" : "").append(">")
                        .append(escape(e.name() + " (" + e.code() + ")")).append("</option>\n");
            }
            body.append("</select>\n");
            problem(body, request, WhatIfRequest.ELECTION);
            body.append("</div>\n");
        }
        Map<String, List<Pair>> byVoters = new LinkedHashMap<>();
        for (Pair pair : defaults.percents().keySet()) {
            byVoters.computeIfAbsent(pair.from(), from -> new ArrayList<>()).add(pair);
        }
        byVoters.forEach((from, pairs) -> {
            body.append("<fieldset>\n<legend>").append(escape(name(from))).append(" voters, where another alliance party is best placed</legend>\n");
            for (Pair pair : pairs) {
                String field = WhatIfRequest.field(pair);
                String value = request.given().getOrDefault(field, String.valueOf(request.rates().percent(pair.from(), pair.to())));
                body.append("<div class=\"field\"><label for=\"rate-").append(escape(field)).append("\">Per cent who vote for the ")
                        .append(escape(name(pair.to()))).append(" candidate (default ").append(defaults.percent(pair.from(), pair.to())).append("%)</label>\n")
                        .append("<input type=\"number\" id=\"rate-").append(escape(field)).append("\" name=\"").append(escape(field))
                        .append("\" min=\"0\" max=\"100\" step=\"1\" inputmode=\"numeric\" value=\"").append(escape(value)).append("\"")
                        .append(describedBy(request, field)).append(request.problems().containsKey(field) ? " aria-invalid=\"true\"" : "").append("/>\n");
                problem(body, request, field);
                body.append("</div>\n");
            }
            body.append("</fieldset>\n");
        });
        body.append("<button type=\"submit\">Count the seats</button>\n<p><a href=\"/p/what-if\">Start again from the defaults</a></p>\n</form>\n");
    }

    private void acrossElections(StringBuilder body, List<WhatIfService.AcrossElections> across) {
        body.append("<h2>Across elections</h2>\n");
        if (across.isEmpty()) {
            body.append("<p>No election results have been imported yet.</p>\n");
            return;
        }
        body.append("<p>How many more seats the alliance’s parties would have won in each election imported here, newest first: with every rate at ")
                .append(WhatIfService.DEFAULT_PERCENT).append("% (the defaults), and with every alliance voter transferring. Common Ground holds the results of ")
                .append(across.size() == 1 ? "one election" : across.size() + " elections").append(" (")
                .append(escape(String.join(", ", across.stream().map(a -> a.election().code()).toList())))
                .append("), and this table covers only ").append(across.size() == 1 ? "it" : "those").append(".</p>\n");
        body.append("<table class=\"across-elections\" tabindex=\"0\">\n<caption>More seats for the alliance, by election</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Election</th><th scope=\"col\">Seats</th><th scope=\"col\">Alliance seats as cast</th>")
                .append("<th scope=\"col\">More with the defaults</th><th scope=\"col\">More with full transfers</th><th scope=\"col\">Imported</th></tr></thead>\n<tbody>\n");
        for (WhatIfService.AcrossElections a : across) {
            body.append("<tr><th scope=\"row\">").append(escape(a.election().name() + " (" + a.election().code() + ")")).append("</th>")
                    .append(cell(a.seats())).append(cell(a.allianceAsCast())).append(change(a.moreWithDefaults())).append(change(a.moreWithFullTransfers()))
                    .append("<td>").append(escape(Dates.day(a.election().importedAt().atZoneSameInstant(UK)))).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    /** "Labour (LAB), Green (GRN) and Plaid Cymru (PC) in Wales". */
    private String inWords(Alliance alliance) {
        List<String> parts = new ArrayList<>();
        alliance.everywhere().forEach(code -> parts.add(name(code)));
        alliance.byCountry().forEach((country, codes) -> codes.forEach(code -> parts.add(name(code) + " in " + country)));
        return parts.size() < 2 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    /** "Labour (LAB)"; a code nobody named is shown as it is. */
    String name(String code) {
        String name = names.getOrDefault(code, OTHER_NAMES.get(code));
        return name == null ? code : name + " (" + code + ")";
    }

    private static String describedBy(WhatIfRequest request, String field) {
        return request.problems().containsKey(field) ? " aria-describedby=\"problem-" + escape(field) + "\"" : "";
    }

    private static void problem(StringBuilder body, WhatIfRequest request, String field) {
        String problem = request.problems().get(field);
        if (problem != null) {
            body.append("<p class=\"problem\" id=\"problem-").append(escape(field)).append("\">").append(escape(problem)).append("</p>\n");
        }
    }

    private static String cell(int n) {
        return String.format(Locale.ROOT, "<td>%,d</td>", n);
    }

    private static String change(int n) {
        return "<td>" + signed(n) + "</td>";
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : n < 0 ? "−" + (-n) : "no change";
    }
}
