package org.commonground.ballot.rules.ranked;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One voter's ranking. It may rank only some of the candidates (a partial ranking is allowed); once every candidate
 * it ranks has been excluded or has withdrawn, the ballot is exhausted and counts for nobody in later rounds.
 *
 * @param voterParty the voter's party code, for the per-party breakdown; null is taken as {@link #NON_PARTY}
 * @param ranking    candidate ids, first preference first
 */
public record RankedBallot(String voterParty, List<String> ranking) {

    /** The party code of members of no party, as seeded. */
    public static final String NON_PARTY = "NONE";

    public RankedBallot {
        voterParty = voterParty == null || voterParty.isBlank() ? NON_PARTY : voterParty;
        // Nulls are kept (not List.copyOf) so that validation can name them as unknown candidates.
        ranking = ranking == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ranking));
    }

    public static RankedBallot of(String voterParty, String... ranking) {
        return new RankedBallot(voterParty, List.of(ranking));
    }
}
