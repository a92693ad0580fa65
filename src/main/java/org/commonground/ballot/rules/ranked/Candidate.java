package org.commonground.ballot.rules.ranked;

import java.util.Optional;

/**
 * Someone standing to be the unity candidate.
 *
 * @param id    stable for the life of the ballot: ballots name candidates by it, never by name
 * @param name  as shown to voters
 * @param party the candidate's party code, or null for an independent
 */
public record Candidate(String id, String name, String party) {

    public Candidate {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A candidate needs an id");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Candidate " + id + " needs a name");
        }
        party = party == null || party.isBlank() ? null : party;
    }

    /** An independent candidate (no party). */
    public static Candidate independent(String id, String name) {
        return new Candidate(id, name, null);
    }

    public Optional<String> partyCode() {
        return Optional.ofNullable(party);
    }

    public boolean isIndependent() {
        return party == null;
    }
}
