package org.commonground.ballot.rules.ranked;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One voter's approvals: every candidate they would accept, unordered.
 *
 * @param voterParty the voter's party code, for the per-party breakdown; null is taken as {@link RankedBallot#NON_PARTY}
 */
public record ApprovalBallot(String voterParty, Set<String> approved) {

    public ApprovalBallot {
        voterParty = voterParty == null || voterParty.isBlank() ? RankedBallot.NON_PARTY : voterParty;
        approved = approved == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(approved));
    }

    public static ApprovalBallot of(String voterParty, String... approved) {
        return new ApprovalBallot(voterParty, new LinkedHashSet<>(List.of(approved)));
    }
}
