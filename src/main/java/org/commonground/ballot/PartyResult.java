package org.commonground.ballot;

/** One party's electorate and, where the caller may see them, its votes. */
public record PartyResult(String party, String colour, int electorate, int voted, int forVotes, int against, int abstain) {
}
