package org.commonground.ballot;

/** Who voted how: only ever built for OPEN ballots. */
public record NamedVote(String name, String party, Choice choice, String reason) {
}
