package org.commonground.pact.terms;

import java.util.Optional;

/**
 * A seat's alliance candidate: a party's candidate (the party picks the person), or a named person, who may belong
 * to a party or to none (an independent). A unity-candidate ballot names a person: {@link #person} builds one and
 * {@link PactTerms#withCandidate} puts it into a seat's terms.
 */
public sealed interface Candidate permits Candidate.PartyCandidate, Candidate.Person {

    /** How long a candidate's name may be, in characters. */
    int MAX_NAME = 100;

    /** The code a member with no party has: as a candidate's party it means "independent". */
    String NO_PARTY = "NONE";

    /** Whichever candidate the party chooses. */
    record PartyCandidate(String party) implements Candidate {
        @Override
        public Optional<String> partyCode() {
            return Optional.ofNullable(party);
        }

        @Override
        public String inWords() {
            return party;
        }
    }

    /** A named person; {@code party} null (or "NONE") for an independent. */
    record Person(String name, String party) implements Candidate {
        public Person {
            name = name == null ? "" : name.strip();
            party = party == null || party.isBlank() || party.equals(NO_PARTY) ? null : party;
        }

        @Override
        public Optional<String> partyCode() {
            return Optional.ofNullable(party);
        }

        /** "Jane Smith (independent)", "Jane Smith (GRN)". */
        @Override
        public String inWords() {
            return name + " (" + (party == null ? "independent" : party) + ")";
        }
    }

    static Candidate ofParty(String partyCode) {
        return new PartyCandidate(partyCode);
    }

    /** A named person of a party, or of none when {@code partyCodeOrNull} is null. */
    static Candidate person(String name, String partyCodeOrNull) {
        return new Person(name, partyCodeOrNull);
    }

    static Candidate independent(String name) {
        return new Person(name, null);
    }

    /** The party whose candidate this is, if any: it cannot stand down for its own candidate, and the ledger credits it. */
    Optional<String> partyCode();

    /** What the terms say: "LAB", "Jane Smith (independent)". */
    String inWords();

    /** Whether this candidate belongs to the party. */
    default boolean isOf(String party) {
        return partyCode().filter(p -> p.equals(party)).isPresent();
    }
}
