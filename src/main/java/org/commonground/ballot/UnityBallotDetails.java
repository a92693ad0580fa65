package org.commonground.ballot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonground.ballot.rules.ranked.ApprovalCount;
import org.commonground.ballot.rules.ranked.RankedCount;
import org.commonground.ballot.rules.ranked.RankedSentences;
import org.commonground.ballot.rules.ranked.TieBreakRule;

/**
 * A unity-candidate ballot as one member sees it.
 *
 * @param myMarks        the reader's marks: candidate ids, first preference first (approvals in ballot-paper order);
 *                       empty before they mark
 * @param elector        the reader is in the electorate
 * @param convenor       the reader convenes the pact's group: may withdraw candidates, close, write the winner in
 * @param partyNames     party code to name
 * @param rankedCount    after the close of a ranked ballot, the count round by round; else null
 * @param approvalCount  after the close of an approval ballot, the count; else null
 * @param sentences      after the close, the count in sentences, as stored at the close
 * @param negotiable     the pact is still in draft or negotiation
 */
public record UnityBallotDetails(long id, long pactId, String pactTitle, String onsCode, String constituency, UnityMethod method,
                                 TieBreakRule tieBreak, List<UnityCandidate> candidates, OffsetDateTime openedAt, OffsetDateTime closesAt,
                                 OffsetDateTime closedAt, int electorate, int voted, boolean elector, List<Long> myMarks, boolean convenor,
                                 Map<String, String> partyNames, RankedCount rankedCount, ApprovalCount approvalCount, List<String> sentences,
                                 Long electedId, Long amendmentId, boolean negotiable) {

    public UnityBallotDetails {
        candidates = List.copyOf(candidates);
        myMarks = List.copyOf(myMarks);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** The rules as stated before anyone voted. */
    public String rules() {
        return method == UnityMethod.RANKED ? RankedSentences.rankedRules(tieBreak) : RankedSentences.approvalRules();
    }

    public Optional<UnityCandidate> elected() {
        return candidates.stream().filter(c -> electedId != null && c.id() == electedId).findFirst();
    }

    public List<UnityCandidate> standing() {
        return candidates.stream().filter(c -> !c.withdrawn()).toList();
    }

    public boolean mayMark() {
        return isOpen() && elector;
    }

    public boolean mayWithdraw() {
        return isOpen() && convenor;
    }

    public boolean mayClose() {
        return isOpen() && convenor;
    }

    /** A convenor writes the winner into the terms once, while the pact is negotiated. */
    public boolean mayProposeWinner() {
        return convenor && !isOpen() && electedId != null && amendmentId == null && negotiable;
    }

    public String partyName(String code) {
        return code == null ? "no party" : partyNames.getOrDefault(code, code);
    }
}
