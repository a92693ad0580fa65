package org.commonground.party;

import java.time.OffsetDateTime;

import org.commonground.shared.Dates;

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

    /** As a list of a party's members says it: "Confirmed by Ann Organiser, 2026-12-03", "Claimed", "Non-party". */
    public String status() {
        if (nonParty()) {
            return "Non-party";
        }
        return confirmed() ? "Confirmed by " + confirmedBy + ", " + Dates.day(confirmedAt) : "Claimed";
    }
}
