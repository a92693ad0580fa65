package org.commonground.proposal;

import java.util.List;

import org.commonground.comment.DiscussedSubject;
import org.commonground.comment.NewComment;
import org.commonground.proposal.text.Anchoring;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.TextRange;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** A proposal as its comments see it: who may read and comment, its amendments, and its numbered lines to cite. */
@Component
class ProposalDiscussion implements DiscussedSubject {

    /** A quote longer than this is cut, with an ellipsis. */
    static final int MAX_QUOTE = 2000;

    private final ProposalGuard guard;
    private final ProposalRepository proposals;
    private final AmendmentRepository amendments;

    ProposalDiscussion(ProposalGuard guard, ProposalRepository proposals, AmendmentRepository amendments) {
        this.guard = guard;
        this.proposals = proposals;
        this.amendments = amendments;
    }

    @Override
    public String type() {
        return "proposal";
    }

    @Override
    public void requireReadable(long id, SignedInMember me) {
        guard.readable(id, me);
    }

    @Override
    public void requireOpen(long id, SignedInMember me) {
        ProposalGuard.Access access = guard.readable(id, me);
        if (!access.rules().canComment()) {
            throw new AccessDeniedException("Comments are closed: the proposal is " + access.state().label().toLowerCase() + ".");
        }
    }

    @Override
    public boolean hasAmendment(long id, long amendmentId) {
        return amendments.find(amendmentId).filter(a -> a.getProposalId() == id).isPresent();
    }

    /** Lines are numbered by the one function every citation goes through, at the group's width. */
    @Override
    public Anchor anchor(long id, NewComment comment) {
        var proposal = proposals.find(id).orElseThrow();
        int revision = comment.revision() == null ? proposal.getCurrentRevision() : comment.revision();
        String text = proposals.revision(id, revision)
                .orElseThrow(() -> new InvalidInputException("fromLine", "There is no revision " + revision + ".")).body();
        List<NumberedLine> lines = LineNumbering.number(text, proposal.getLineWidth());
        int from = comment.fromLine();
        int to = comment.passage() && comment.toLine() != null ? comment.toLine() : from;
        if (from < 1 || to < from || to > lines.size()) {
            throw new InvalidInputException("fromLine", "Lines " + from + "\u2013" + to + " do not exist; the text has " + lines.size() + " lines.");
        }
        if (!comment.passage()) {
            TextRange paragraph = Anchoring.paragraph(lines, from);
            return new Anchor(revision, lines.get(from - 1).block(), from, null, null, paragraph.start(), paragraph.end());
        }
        var range = LineNumbering.range(lines, from, to);
        String quote = quoteOf(text.substring(range.start(), range.end()), comment.quote());
        return new Anchor(revision, lines.get(from - 1).block(), from, to, quote, range.start(), range.end());
    }

    /**
     * The words the member selected, if those lines hold them; otherwise (nothing selected, words that are not
     * there, or far more than a quote holds) the lines whole. The selection is of the text as shown, without Markdown's marks, so it is compared
     * by letters and digits only.
     */
    static String quoteOf(String source, String selected) {
        String quote = source.replaceAll("\\s+", " ").strip();
        if (selected != null && !selected.isBlank() && selected.length() <= 4 * MAX_QUOTE) {
            String words = selected.replaceAll("\\s+", " ").strip();
            if (!lettersOf(words).isEmpty() && lettersOf(quote).contains(lettersOf(words))) {
                quote = words;
            }
        }
        return quote.length() > MAX_QUOTE ? quote.substring(0, MAX_QUOTE - 1) + "\u2026" : quote;
    }

    private static String lettersOf(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
