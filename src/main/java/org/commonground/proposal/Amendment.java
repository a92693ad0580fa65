package org.commonground.proposal;

import java.time.OffsetDateTime;
import java.util.List;

import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextRange;

/**
 * An amendment as shown: its passages are ranges of revision {@code revision}, in order.
 *
 * @param compromise    whether it is offered as a compromise replacing the amendments {@code replaces} names
 * @param conflictsWith numbers of other open amendments with a passage overlapping one of this one's
 * @param votePosition  its place in the voting list as a convenor set it, if they did
 */
public record Amendment(long id, int number, long proposerId, String proposerName, String proposerParty, String proposerColour,
                        int revision, List<AmendmentPassage> passages, String reason,
                        AmendmentState state, boolean outdated, String decidedBy, String decisionReason, Integer mergedRevision,
                        OffsetDateTime createdAt, boolean compromise, List<Integer> replaces, List<Integer> conflictsWith,
                        Integer votePosition) {

    /** "A3 to lines 12–14 and 20", as amendments are cited. */
    public String citation() {
        return "A" + number + " to " + Passages.citeLines(passages.stream().map(p -> new int[] {p.fromLine(), p.toLine()}).toList());
    }

    public int fromLine() {
        return passages.isEmpty() ? 0 : passages.getFirst().fromLine();
    }

    public int toLine() {
        return passages.isEmpty() ? 0 : passages.getLast().toLine();
    }

    public List<TextRange> ranges() {
        return passages.stream().map(AmendmentPassage::range).toList();
    }

    public boolean isOpen() {
        return state == AmendmentState.PROPOSED && !outdated;
    }
}
