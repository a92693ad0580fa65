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
        List<NumberedLine> numbered = LineNumbering.number(text, lineWidth);
        for (AmendmentRecord a : underVote) {
            if (a.getRevision() != base || a.getOutdated()) {
                continue;
            }
            for (TextRange lines : wholeLines(numbered, amendments.ranges(a.getId()))) {
                if (rebase.apply(lines).isEmpty()) {
                    int[] span = LineNumbering.citedLines(numbered, lines);
                    throw new InvalidInputException(field, (span[0] == span[1] ? "Line " + span[0] + " is" : "Lines " + span[0] + "\u2013" + span[1] + " are")
                            + " being voted on in A" + a.getNumber() + "'s ballot: " + change + " can change " + (span[0] == span[1] ? "it" : "them")
                            + " only after that ballot closes.");
                }
            }
        }
    }

    /**
     * Refuses a second ballot on lines that another open ballot already decides (of revision {@code text}): were both
     * to pass, merging the first would change the lines the second still holds still.
     */
    public static void refuseOverlappingBallot(AmendmentRepository amendments, List<AmendmentRecord> underVote, AmendmentRecord candidate,
                                               String text, int lineWidth) {
        List<NumberedLine> numbered = LineNumbering.number(text, lineWidth);
        List<TextRange> lines = wholeLines(numbered, amendments.ranges(candidate.getId()));
        for (AmendmentRecord a : underVote) {
            if (a.getRevision().intValue() == candidate.getRevision().intValue() && Passages.collide(wholeLines(numbered, amendments.ranges(a.getId())), lines)) {
                throw new InvalidInputException("amendment", "A" + candidate.getNumber() + " changes lines that A" + a.getNumber()
                        + "'s open ballot is deciding: close that ballot first.");
            }
        }
    }

    /** Voters read each passage in its lines, so what a ballot holds still is those whole lines, not only its words. */
    private static List<TextRange> wholeLines(List<NumberedLine> numbered, List<TextRange> passages) {
        return passages.stream().map(passage -> {
            int[] span = LineNumbering.citedLines(numbered, passage);
            TextRange whole = LineNumbering.range(numbered, span[0], span[1]);
            return new TextRange(Math.min(whole.start(), passage.start()), Math.max(whole.end(), passage.end()));
        }).toList();
    }
}
