package org.commonground.publishing;

import static org.commonground.publishing.document.DocumentXhtml.escape;

import java.util.List;

import org.commonground.election.PublicElection;
import org.commonground.election.PublicElectionService;
import org.commonground.publishing.document.PublicChrome;

/** The public search for a constituency: a plain GET form, and what it found as links. */
final class SeatSearchHtml {

    private SeatSearchHtml() {
    }

    static String page(String query, List<PublicElectionService.SeatMatch> matches, PublicElection election, PublicChrome chrome) {
        String q = query == null ? "" : query.strip();
        StringBuilder body = new StringBuilder("<h1>Find your constituency</h1>\n")
                .append("<p>Each constituency's page shows its last result, which progressive party is best placed to win it, and any pact the ")
                .append("parties have published for it.")
                .append(election == null ? "" : " The results are those of " + escape(election.electionName()) + ".").append("</p>\n")
                .append("<form class=\"seat-search\" method=\"get\" action=\"/p/seats\" role=\"search\">\n")
                .append("<label for=\"q\">Constituency name or ONS code</label>\n")
                .append("<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\" autocomplete=\"off\" value=\"").append(escape(q)).append("\"/>\n")
                .append("<button type=\"submit\">Find</button>\n</form>\n");
        if (!q.isEmpty()) {
            body.append("<h2>").append(matches.isEmpty() ? "No constituency found" : matches.size() == 1 ? "1 constituency found"
                    : matches.size() + " constituencies found").append("</h2>\n");
            if (matches.isEmpty()) {
                body.append("<p>No constituency's name or code matches \u201c").append(escape(q))
                        .append("\u201d. Try part of the name, such as \u201cBristol\u201d, or the ONS code, such as E14001131.</p>\n");
            } else {
                body.append("<ul class=\"seats\">\n");
                for (PublicElectionService.SeatMatch m : matches) {
                    body.append("<li><a href=\"/p/seats/").append(escape(m.onsCode())).append("\">").append(escape(m.name())).append("</a>")
                            .append(m.formerName() == null ? "" : " (formerly " + escape(m.formerName()) + ")").append("</li>\n");
                }
                body.append("</ul>\n");
                if (matches.size() == PublicElectionService.MAX_MATCHES) {
                    body.append("<p>Only the first ").append(PublicElectionService.MAX_MATCHES).append(" are listed: add a word to narrow the search.</p>\n");
                }
            }
        }
        return PublicChrome.START + "<title>" + (q.isEmpty() ? "" : escape(q) + " · ") + "Find your constituency · Common Ground</title>\n"
                + "<meta name=\"description\" content=\"Find a constituency's last result and the progressive parties' published pacts for it.\"/>\n"
                + chrome.stylesheets() + "<link rel=\"stylesheet\" href=\"/p/assets/seats.css\"/>\n" + chrome.header() + body + chrome.footer("");
    }

    static String notFound(String code, PublicChrome chrome) {
        return PublicChrome.START + "<title>Constituency not found · Common Ground</title>\n" + chrome.stylesheets() + chrome.header()
                + "<h1>Constituency not found</h1>\n<p>No constituency has the code \u201c" + escape(code == null ? "" : code)
                + "\u201d. <a href=\"/p/seats\">Find a constituency by its name</a>.</p>\n" + chrome.footer("");
    }
}
