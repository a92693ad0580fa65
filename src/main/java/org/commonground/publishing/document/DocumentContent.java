package org.commonground.publishing.document;

import java.util.List;

import org.commonground.proposal.text.WordDiff;

/**
 * What a published (or draft) document says: the frozen facts from which both the fingerprint and the rendering
 * are made. {@code body} is the Markdown source; it is numbered at {@code lineWidth} exactly as on screen.
 *
 * @param kind       "Proposal", "Pact" or "Draft"
 * @param dates      a line such as "Agreed 3 March 2027 · Published 4 March 2027"
 * @param results    the ballot result per party; empty for a draft
 * @param decision   the decision rule's explanation of the outcome; empty for a draft
 * @param terms      a pact's terms, one row per constituency; empty for a proposal
 * @param signatures how each party ratified a pact, with names and dates; empty for a proposal
 * @param correction for a correction: what it corrects and why; empty otherwise
 * @param draft      not agreed: the rendering carries a "DRAFT – not agreed" watermark
 * @param amendments for an amendment booklet: the proposal's amendments after its text; empty otherwise (and in
 *                   every published document, so their fingerprints do not change)
 */
public record DocumentContent(String kind, String title, String group, List<String> authors, String dates, int lineWidth,
                              String body, List<ResultRow> results, String decision, List<TermsRow> terms,
                              List<Signature> signatures, String correction, boolean draft, List<AmendmentEntry> amendments) {

    public DocumentContent {
        amendments = amendments == null ? List.of() : List.copyOf(amendments);
        authors = List.copyOf(authors);
        results = List.copyOf(results);
        terms = List.copyOf(terms);
        signatures = List.copyOf(signatures);
        decision = decision == null ? "" : decision;
        correction = correction == null ? "" : correction;
    }

    /** A document without amendments: every kind but the amendment booklet. */
    public DocumentContent(String kind, String title, String group, List<String> authors, String dates, int lineWidth, String body,
                           List<ResultRow> results, String decision, List<TermsRow> terms, List<Signature> signatures, String correction,
                           boolean draft) {
        this(kind, title, group, authors, dates, lineWidth, body, results, decision, terms, signatures, correction, draft, List.of());
    }

    /**
     * One amendment in a booklet, as a meeting reads it.
     *
     * @param citation "A3 to lines 12–14 and 20"
     * @param proposer the proposer's name and party, "Ada Jones (GRN)"
     * @param status   its state, and anything a reader must know about it ("Proposed", "Accepted: merged into revision 4")
     */
    public record AmendmentEntry(String citation, String proposer, String status, String reason, List<PassageDiff> passages) {

        public AmendmentEntry {
            passages = List.copyOf(passages);
        }
    }

    /** One changed passage: its lines ("lines 12–14") and the word diff of those lines. */
    public record PassageDiff(String lines, List<WordDiff.Segment> diff) {

        public PassageDiff {
            diff = List.copyOf(diff);
        }
    }

    /** The same document with these amendments after its text: an amendment booklet. */
    public DocumentContent withAmendments(String bookletKind, List<AmendmentEntry> entries) {
        return new DocumentContent(bookletKind, title, group, authors, dates, lineWidth, body, results, decision, terms, signatures, correction, draft,
                entries);
    }

    /** One party's part of a ballot result. */
    public record ResultRow(String party, int electorate, int forVotes, int against, int abstain, String verdict) {
    }

    /** One constituency of a pact: who is the alliance candidate, and what the other parties do. */
    public record TermsRow(String constituency, String onsCode, String candidate, String others) {
    }

    /**
     * One party's ratification of a pact.
     *
     * @param method "Ballot of its members" or "Representative"
     * @param by     the representative's name, or the ballot's result in words
     */
    public record Signature(String party, String method, String by, String date) {
    }

    /** A document rendered straight from Markdown, as the command line does: not agreed by anyone. */
    public static DocumentContent draft(String title, String markdown) {
        return new DocumentContent("Draft", title, "", List.of(), "", 80, markdown, List.of(), "", List.of(), List.of(), "", true);
    }

    /** The same document with the result of another ballot: the one that agreed its correction. */
    public DocumentContent withResults(List<ResultRow> newResults, String newDecision) {
        return new DocumentContent(kind, title, group, authors, dates, lineWidth, body, newResults, newDecision, terms, signatures, correction, draft,
                amendments);
    }

    /** The same document with a corrected text, saying what was corrected, on what date. */
    public DocumentContent corrected(String correctedBody, String why, String dates) {
        return new DocumentContent(kind, title, group, authors, dates, lineWidth, correctedBody, results, decision, terms, signatures, why, draft,
                amendments);
    }
}
