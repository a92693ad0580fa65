package org.commonground.party;

import java.time.OffsetDateTime;

/**
 * A member's party and whether it is confirmed by that party (by whom, when) or only claimed; non-party members have
 * no party to confirm.
 */
public record PartyStanding(long memberId, String displayName, String email, long partyId, String partyCode,
                            OffsetDateTime confirmedAt, String confirmedBy, boolean organiser) {

    public static final String NON_PARTY = "NONE";

    public boolean nonParty() {
        return NON_PARTY.equals(partyCode);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** As a page says it: "GRN, confirmed by Ann Organiser on 3 Dec 2026", "GRN, claimed", "Non-party". */
    public String label() {
        if (nonParty()) {
            return "Non-party";
        }
        return partyCode + (confirmed() ? ", confirmed by " + confirmedBy + " on " + confirmedAt.toLocalDate() : ", claimed (not yet confirmed)");
    }
}
