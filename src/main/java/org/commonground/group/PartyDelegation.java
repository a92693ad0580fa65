package org.commonground.group;

import java.util.List;

/**
 * One party's presence in a group: its delegates, the other members it has confirmed, and those who only claim it.
 * {@code mayChange}: the reader appoints and removes this party's delegates here (an organiser of the party or one of
 * its delegates in the group).
 */
public record PartyDelegation(long groupId, String groupName, String partyCode, String partyColour, List<DelegationMember> delegates,
                              List<DelegationMember> confirmed, List<DelegationMember> claimed, boolean mayChange) {
}
