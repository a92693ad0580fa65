package org.commonground.ballot;

import org.commonground.ballot.rules.PartyTally;

/** One party's electorate and, where the caller may see them, its votes. */
public record PartyResult(String party, String colour, int electorate, int voted, int forVotes, int against, int abstain) {

    public PartyTally tally() {
        return new PartyTally(party, electorate, forVotes, against, abstain);
    }
}
