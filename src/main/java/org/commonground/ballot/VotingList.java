package org.commonground.ballot;

import java.util.List;

/**
 * What will be voted on for a proposal, in order: the amendments and compromises put to the vote or decided by a
 * ballot, then the final text, always last.
 *
 * @param shown            whether the proposal's page shows it: in voting, and in discussion once anything is on it
 * @param mayReorder       the reader is a convenor who may reorder the amendments on it
 * @param notYetPutToVote  numbers of open amendments that join the list once a convenor puts them to the vote
 */
public record VotingList(long proposalId, boolean shown, boolean mayReorder, List<Item> items, List<Integer> notYetPutToVote) {

    public enum Kind {
        AMENDMENT("Amendment"), COMPROMISE("Compromise"), FINAL_TEXT("Final text");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One thing voted on.
     *
     * @param amendmentId null for the final text
     * @param title       "A3 to lines 12–14 and 20", or "The final text (revision 4)"
     * @param status      the amendment's state ("Put to the vote", "Accepted", …), or the final text's
     * @param ballotId    its latest ballot, if one was opened
     * @param outcome     that ballot's outcome (Open, Passed, Failed, Cancelled), or "Not yet open"
     * @param result      how the ballot decided, in a line, or when it closes; "" before it opens
     */
    public record Item(Long amendmentId, String title, Kind kind, String status, Long ballotId, String outcome, String result) {
    }

    /** The amendments on the list, in order: what a convenor reorders. */
    public List<Long> amendmentIds() {
        return items.stream().filter(i -> i.amendmentId() != null).map(Item::amendmentId).toList();
    }
}
