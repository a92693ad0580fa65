package org.commonground.proposal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.TextRange;
import org.commonground.shared.InvalidInputException;

/**
 * The lines an open amendment ballot decides stay as they are until it closes: otherwise the text voted on could
 * vanish under the ballot, and a passing vote would have nothing to merge. Authors' edits, merges of other
 * amendments and further ballots on the same words are refused here, naming the lines and the ballot.
 */
public final class LinesUnderVote {

    private LinesUnderVote() {
    }

    /**
     * Refuses a change to revision {@code base} (whose body is {@code text}) that {@code rebase} finds touches the
     * wording of an amendment under vote; {@code change} names the change for the message.
     */
    static void refuseChanges(List<AmendmentRecord> underVote, int base, String text, int lineWidth,
                              Function<TextRange, Optional<TextRange>> rebase, String field, String change) {
        for (AmendmentRecord a : underVote) {
            TextRange range = new TextRange(a.getRangeStart(), a.getRangeEnd());
            if (a.getRevision() == base && !a.getOutdated() && rebase.apply(range).isEmpty()) {
                int[] lines = LineNumbering.linesOf(LineNumbering.number(text, lineWidth), range);
                throw new InvalidInputException(field, (lines[0] == lines[1] ? "Line " + lines[0] + " is" : "Lines " + lines[0] + "\u2013" + lines[1] + " are")
                        + " being voted on in A" + a.getNumber() + "'s ballot: " + change + " can change " + (lines[0] == lines[1] ? "it" : "them")
                        + " only after that ballot closes.");
            }
        }
    }

    /** Refuses a second ballot on words that another open ballot already decides. */
    public static void refuseOverlappingBallot(List<AmendmentRecord> underVote, AmendmentRecord candidate) {
        TextRange range = new TextRange(candidate.getRangeStart(), candidate.getRangeEnd());
        for (AmendmentRecord a : underVote) {
            if (a.getRevision() == candidate.getRevision() && new TextRange(a.getRangeStart(), a.getRangeEnd()).overlaps(range)) {
                throw new InvalidInputException("amendment", "A" + candidate.getNumber() + " changes words that A" + a.getNumber()
                        + "'s open ballot is deciding: close that ballot first.");
            }
        }
    }
}
