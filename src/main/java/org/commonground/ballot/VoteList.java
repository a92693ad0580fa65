package org.commonground.ballot;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Who voted how, as the rows of an open ballot's page: one escaped fragment, not a component per voter, because it
 * is redrawn at every vote while the ballot is busy.
 */
public final class VoteList {

    public static String html(List<NamedVote> votes) {
        StringBuilder html = new StringBuilder();
        for (NamedVote v : votes) {
            String line = v.party() + " \u00b7 " + v.name() + ": " + v.choice().label()
                    + (v.reason().isBlank() ? "" : " \u2014 \u201c" + v.reason() + "\u201d");
            html.append("<div class=\"cg-person\"><p>").append(HtmlUtils.htmlEscape(line, "UTF-8")).append("</p></div>");
        }
        return html.toString();
    }

    private VoteList() {
    }
}
