package org.commonground.ballot;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Who voted how, as the rows of an open ballot's page: one escaped fragment, not a component per voter, because it
 * is redrawn at every vote while the ballot is busy.
 */
public final class VoteList {

    /** The last list written, by identity: every page brought up to date from one shared copy shows the same list. */
    private record Written(List<NamedVote> votes, String html) {
    }

    private static volatile Written last = new Written(List.of(), "");

    public static String html(List<NamedVote> votes) {
        Written written = last;
        if (written.votes() == votes) {
            return written.html();
        }
        String html = write(votes);
        last = new Written(votes, html);
        return html;
    }

    private static String write(List<NamedVote> votes) {
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
