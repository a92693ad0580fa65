package org.commonground.publishing.document;

import java.util.List;

/**
 * What a published (or draft) document says: the frozen facts from which both the fingerprint and the rendering
 * are made. {@code body} is the Markdown source; it is numbered at {@code lineWidth} exactly as on screen.
 *
 * @param kind      "Proposal", "Pact" or "Draft"
 * @param dates     a line such as "Agreed 3 March 2027"
 * @param results   the ballot result per party; empty for a draft
 * @param decision  the decision rule's explanation of the outcome; empty for a draft
 * @param draft     not agreed: the rendering carries a "DRAFT – not agreed" watermark
 */
public record DocumentContent(String kind, String title, String group, List<String> authors, String dates, int lineWidth,
                              String body, List<ResultRow> results, String decision, boolean draft) {

    public DocumentContent {
        authors = List.copyOf(authors);
        results = List.copyOf(results);
        decision = decision == null ? "" : decision;
    }

    /** One party's part of a ballot result. */
    public record ResultRow(String party, int electorate, int forVotes, int against, int abstain, String verdict) {
    }

    /** A document rendered straight from Markdown, as the command line does: not agreed by anyone. */
    public static DocumentContent draft(String title, String markdown) {
        return new DocumentContent("Draft", title, "", List.of(), "", 80, markdown, List.of(), "", true);
    }
}
