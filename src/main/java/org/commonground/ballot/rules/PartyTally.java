package org.commonground.ballot.rules;

/** One party's part of a ballot: how many of its members may vote, and how they voted. */
public record PartyTally(String party, int electorate, int forVotes, int against, int abstain) {

    public PartyTally {
        if (electorate < 0 || forVotes < 0 || against < 0 || abstain < 0 || forVotes + against + abstain > electorate) {
            throw new IllegalArgumentException("Impossible tally for " + party + ": " + electorate + " electors, "
                    + forVotes + "/" + against + "/" + abstain);
        }
    }

    public int voted() {
        return forVotes + against + abstain;
    }
}
