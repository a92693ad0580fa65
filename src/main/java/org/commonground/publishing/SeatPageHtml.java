package org.commonground.publishing;

import static org.commonground.publishing.document.DocumentXhtml.escape;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.commonground.election.PublicElection;
import org.commonground.election.PublicSeat;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.PartyNames;
import org.commonground.election.results.SeatReasoning;
import org.commonground.proposal.text.SafeMarkdown;
import org.commonground.publishing.document.PublicChrome;
import org.commonground.shared.Dates;

/**
 * A constituency's public page: its last result as a chart that reads without colour and as a table, the alliance's
 * best-placed party in plain words, the published pacts covering it, what the page does not know, and its sources.
 * Plain HTML without script or inline style, like every public page.
 */
final class SeatPageHtml {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private SeatPageHtml() {
    }

    static String page(PublicSeat seat, List<PublishedPacts.SeatPact> pacts, Map<String, String> colours, String baseUrl, PublicChrome chrome) {
        String summary = summary(seat, pacts);
        StringBuilder head = new StringBuilder()
                .append("<meta name=\"description\" content=\"").append(escape(summary)).append("\"/>\n")
                .append("<meta property=\"og:type\" content=\"website\"/>\n")
                .append("<meta property=\"og:site_name\" content=\"Common Ground\"/>\n")
                .append("<meta property=\"og:title\" content=\"").append(escape(seat.name() + ": how to vote together")).append("\"/>\n")
                .append("<meta property=\"og:description\" content=\"").append(escape(summary)).append("\"/>\n")
                .append("<meta property=\"og:url\" content=\"").append(escape(baseUrl + "/p/seats/" + seat.onsCode())).append("\"/>\n")
                .append("<link rel=\"canonical\" href=\"").append(escape(baseUrl + "/p/seats/" + seat.onsCode())).append("\"/>\n");
        StringBuilder body = new StringBuilder("<p class=\"kind\"><a href=\"/p/seats\">Constituencies</a></p>\n")
                .append("<h1>").append(escape(seat.name())).append("</h1>\n<p class=\"meta\">ONS code ").append(escape(seat.onsCode()))
                .append(seat.region().isBlank() ? "" : " · " + escape(seat.region()))
                .append(seat.country().isBlank() || seat.country().equals(seat.region()) ? "" : " · " + escape(seat.country())).append("</p>\n");
        if (!seat.formerNames().isEmpty()) {
            body.append("<p>Formerly ").append(escape(String.join(", ", seat.formerNames()))).append(".</p>\n");
        }
        result(body, seat, colours);
        pacts(body, pacts);
        unknowns(body, seat.election());
        return PublicChrome.START + "<title>" + escape(seat.name()) + " · Common Ground</title>\n" + chrome.stylesheets()
                + "<link rel=\"stylesheet\" href=\"/p/assets/seats.css\"/>\n" + head + chrome.header() + body + chrome.footer("");
    }

    /** The one sentence a shared link shows: the pact if one is published, else the analysis. */
    static String summary(PublicSeat seat, List<PublishedPacts.SeatPact> pacts) {
        if (!pacts.isEmpty()) {
            PublishedPacts.SeatPact p = pacts.getLast();
            return "A published pact (" + p.title() + ") backs " + candidate(p.candidate()) + " in " + seat.name() + ".";
        }
        if (seat.verdict() != null) {
            return SeatReasoning.inWords(seat.result(), seat.verdict());
        }
        return seat.name() + ": the last result and any published pact between progressive parties.";
    }

    private static void result(StringBuilder body, PublicSeat seat, Map<String, String> colours) {
        PublicElection election = seat.election();
        if (election == null) {
            body.append("<p>No election has been chosen for the public pages yet, so there is no result to show.</p>\n");
            return;
        }
        ConstituencyResult r = seat.result();
        if (r == null) {
            body.append("<p>").append(escape(election.electionName())).append(" has no result for this constituency.</p>\n");
            return;
        }
        body.append("<h2>The alliance's best-placed party</h2>\n<p class=\"reasoning\">").append(escape(SeatReasoning.inWords(r, seat.verdict())))
                .append("</p>\n<p class=\"meta\">The alliance parties: ")
                .append(escape(election.alliance().partiesIn(r.country()).stream().map(PartyNames::of).collect(Collectors.joining(", "))))
                .append(", chosen for these pages on ").append(Dates.day(election.chosenAt().atZoneSameInstant(UK))).append(".</p>\n");
        body.append("<h2>Result in ").append(escape(election.electionName())).append("</h2>\n");
        List<Map.Entry<String, Integer>> bars = r.votes().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).toList();
        body.append(chart(r, bars, colours));
        body.append("<table class=\"result\">\n<caption>Votes per party in ").append(escape(r.name())).append(", ")
                .append(escape(election.electionName())).append("</caption>\n<thead><tr><th scope=\"col\">Party</th><th scope=\"col\">Votes</th>")
                .append("<th scope=\"col\">Share</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Integer> bar : bars) {
            boolean winner = bar.getKey().equals(r.winner());
            body.append("<tr><th scope=\"row\">").append(escape(PartyNames.of(bar.getKey()))).append(winner ? " (won)" : "").append("</th><td>")
                    .append(String.format(Locale.UK, "%,d", bar.getValue())).append("</td><td>").append(share(bar.getValue(), r.validVotes()))
                    .append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        if (!r.votes().containsKey(r.winner()) || r.winner().equals(ConstituencyResult.OTHER)) {
            // An independent or the Speaker has no column of their own: the file counts them among the others.
            body.append("<p>The winner, ").append(escape(PartyNames.of(r.winner()))).append(", had ")
                    .append(String.format(Locale.UK, "%,d", r.winnerVotes())).append(" votes, counted above among Others.</p>\n");
        }
        body.append("<p class=\"meta\">").append(String.format(Locale.UK, "%,d", r.validVotes())).append(" valid votes; electorate ")
                .append(String.format(Locale.UK, "%,d", r.electorate())).append(".")
                .append(r.memberName() == null || r.memberName().isBlank() ? "" : " Elected: " + escape(r.memberName()) + ".").append("</p>\n");
    }

    /**
     * Horizontal bars, largest first, each under a line of text naming the party and its votes, so that nothing
     * depends on colour; the winner's bar is outlined and its line says "won". Sized by its viewBox, so it fits any
     * width without scrolling.
     */
    static String chart(ConstituencyResult r, List<Map.Entry<String, Integer>> bars, Map<String, String> colours) {
        int width = 300;
        int row = 38;
        int largest = bars.isEmpty() ? 1 : Math.max(1, bars.getFirst().getValue());
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"votes-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
                width, row * bars.size() + 4, escape("Votes per party in " + r.name() + " as bars, largest first; the table below gives the same figures")));
        int y = 0;
        for (Map.Entry<String, Integer> bar : bars) {
            boolean winner = bar.getKey().equals(r.winner());
            int w = Math.max(2, (int) Math.round((double) (width - 4) * bar.getValue() / largest));
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\" fill=\"#1f2933\"%s>%s</text>\n", y + 14,
                    winner ? " font-weight=\"700\"" : "", escape(PartyNames.of(bar.getKey()) + ": " + String.format(Locale.UK, "%,d", bar.getValue())
                            + " (" + share(bar.getValue(), r.validVotes()) + ")" + (winner ? ", won" : ""))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"1\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\" stroke=\"#1f2933\" stroke-width=\"%s\"/>\n",
                    y + 19, w, escape(colours.getOrDefault(bar.getKey(), "#999999")), winner ? "2" : "0.5"));
            y += row;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void pacts(StringBuilder body, List<PublishedPacts.SeatPact> pacts) {
        body.append("<h2>Published pacts for this seat</h2>\n");
        if (pacts.isEmpty()) {
            body.append("<p>No published pact between the parties covers this seat.</p>\n");
            return;
        }
        for (PublishedPacts.SeatPact p : pacts) {
            body.append("<section class=\"pact\" aria-label=\"").append(escape(p.title())).append("\">\n<h3>").append(escape(p.title())).append("</h3>\n")
                    .append("<p class=\"meta\">Agreed by ").append(escape(p.groupName())).append(", published ")
                    .append(Dates.day(p.publishedAt().atZoneSameInstant(UK))).append(".</p>\n<dl>\n<dt>Alliance candidate</dt><dd>")
                    .append(escape(candidate(p.candidate()))).append("</dd>\n");
            for (PublishedPacts.PartyStance s : p.others()) {
                body.append("<dt>").append(escape(PartyNames.of(s.party()))).append("</dt><dd>").append(escape(s.inWords())).append("</dd>\n");
            }
            body.append("</dl>\n<h4>Conditions</h4>\n").append(p.conditions().isBlank() ? "<p>None stated.</p>\n" : SafeMarkdown.toHtml(p.conditions()) + "\n")
                    .append("<ul class=\"pact-links\">\n<li><a href=\"").append(escape(p.documentHref())).append("\">Read the published pact</a></li>\n")
                    .append("<li><a href=\"").append(escape(p.pdfHref())).append("\">Download its PDF</a></li>\n")
                    .append("<li>Fingerprint (SHA-256): <a class=\"fingerprint\" href=\"").append(escape(p.fingerprintHref())).append("\">")
                    .append(escape(p.fingerprint())).append("</a></li>\n</ul>\n</section>\n");
        }
    }

    private static void unknowns(StringBuilder body, PublicElection election) {
        body.append("<h2>What this page does not know</h2>\n<p>It knows only the result of ")
                .append(election == null ? "the election chosen for these pages" : escape(election.electionName()))
                .append(" and the pacts the parties have published. It knows no opinion polls, no local election results, no by-election ")
                .append("results and nothing about this election's candidates, so a party that has gained or lost support since may be ")
                .append("placed differently now.</p>\n<h2>Data and licences</h2>\n<ul class=\"sources\">\n<li>Election results: House of Commons Library, ")
                .append("general election results by constituency (for 2024, briefing CBP-10009), under the ")
                .append("<a href=\"https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/\">Open Parliament Licence v3.0</a>.</li>\n")
                .append("<li>Constituency codes and names: Office for National Statistics, under the ")
                .append("<a href=\"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\">Open Government Licence v3.0</a>; ")
                .append("contains OS data © Crown copyright and database right 2024.</li>\n")
                .append("<li>Pacts: the documents published here, each with its fingerprint.</li>\n</ul>\n");
    }

    /** "LAB" as "Labour"; a named person as the document names them. */
    static String candidate(String inWords) {
        return inWords != null && inWords.matches("[A-Z][A-Z0-9]{0,19}") ? PartyNames.of(inWords) : inWords;
    }

    private static String share(int votes, int valid) {
        return String.format(Locale.UK, "%.1f%%", 100.0 * votes / Math.max(1, valid));
    }
}
