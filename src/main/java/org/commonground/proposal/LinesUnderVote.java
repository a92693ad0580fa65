package org.commonground.proposal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
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
    static void refuseChanges(AmendmentRepository amendments, List<AmendmentRecord> underVote, int base, String text, int lineWidth,
                              Function<TextRange, Optional<TextRange>> rebase, String field, String change) {
        for (AmendmentRecord a : underVote) {
            if (a.getRevision() != base || a.getOutdated()) {
                continue;
            }
            List<NumberedLine> numbered = LineNumbering.number(text, lineWidth);
            for (TextRange passage : amendments.ranges(a.getId())) {
                // Voters read the passage in its lines, so the whole lines stay as they are, not only its words.
                int[] lines = LineNumbering.citedLines(numbered, passage);
                TextRange whole = LineNumbering.range(numbered, lines[0], lines[1]);
                if (rebase.apply(new TextRange(Math.min(whole.start(), passage.start()), Math.max(whole.end(), passage.end()))).isPresent()) {
                    continue;
                }
                throw new InvalidInputException(field, (lines[0] == lines[1] ? "Line " + lines[0] + " is" : "Lines " + lines[0] + "\u2013" + lines[1] + " are")
                        + " being voted on in A" + a.getNumber() + "'s ballot: " + change + " can change " + (lines[0] == lines[1] ? "it" : "them")
                        + " only after that ballot closes.");
            }
        }
    }

    /** Refuses a second ballot on words that another open ballot already decides. */
    public static void refuseOverlappingBallot(AmendmentRepository amendments, List<AmendmentRecord> underVote, AmendmentRecord candidate) {
        List<TextRange> ranges = amendments.ranges(candidate.getId());
        for (AmendmentRecord a : underVote) {
            if (a.getRevision() == candidate.getRevision() && Passages.collide(amendments.ranges(a.getId()), ranges)) {
                throw new InvalidInputException("amendment", "A" + candidate.getNumber() + " changes words that A" + a.getNumber()
                        + "'s open ballot is deciding: close that ballot first.");
            }
        }
    }
}
