package org.commonground.proposal;

import java.time.OffsetDateTime;
import java.util.List;

import org.commonground.proposal.text.TextRange;

/**
 * An amendment as shown: its range is on revision {@code revision}, where it covers lines {@code fromLine}–{@code toLine}.
 *
 * @param conflictsWith numbers of other open amendments whose ranges overlap this one's
 */
public record Amendment(long id, int number, long proposerId, String proposerName, String proposerParty, String proposerColour,
                        int revision, TextRange range, String original, String replacement, String reason,
                        AmendmentState state, boolean outdated, String decidedBy, String decisionReason, Integer mergedRevision,
                        OffsetDateTime createdAt, int fromLine, int toLine, List<Integer> conflictsWith) {

    /** "A3 to lines 12–14", as amendments are cited. */
    public String citation() {
        String lines = fromLine == toLine ? "line " + fromLine : "lines " + fromLine + "\u2013" + toLine;
        return "A" + number + " to " + lines;
    }

    public boolean isOpen() {
        return state == AmendmentState.PROPOSED && !outdated;
    }
}
