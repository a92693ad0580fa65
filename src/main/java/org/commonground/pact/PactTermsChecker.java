package org.commonground.pact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.group.Constituency;
import org.commonground.group.GroupMember;
import org.commonground.group.GroupRepository;
import org.commonground.group.MembershipRepository;
import org.commonground.group.MembershipStatus;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.PactTermsRules;
import org.commonground.party.Party;
import org.commonground.party.PartyRepository;
import org.commonground.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** What the terms of a pact in a group may name: the group's seats and the parties there; shared by drafting and amending. */
@Component
class PactTermsChecker {

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final PartyRepository parties;

    PactTermsChecker(GroupRepository groups, MembershipRepository memberships, PartyRepository parties) {
        this.groups = groups;
        this.memberships = memberships;
        this.parties = parties;
    }

    void check(PactTerms terms, long groupId) {
        Set<String> codes = parties.findAll().stream().map(Party::code).collect(Collectors.toSet());
        InvalidInputException.throwIfAny(PactTermsRules.check(terms, constituencies(groupId), codes));
    }

    /** ONS code to name: the group's constituencies that have a code (pacts cite seats by code). */
    Map<String, String> constituencies(long groupId) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (Constituency c : groups.constituencies(groupId)) {
            if (c.onsCode() != null) {
                byCode.put(c.onsCode(), c.name());
            }
        }
        return byCode;
    }

    /** The parties of the group's active members, largest first, without "non-party" (which fields no candidates). */
    List<String> memberParties(long groupId) {
        Map<String, Long> counts = memberships.members(groupId).stream().filter(m -> m.status() == MembershipStatus.ACTIVE)
                .filter(m -> !m.partyCode().equals("NONE"))
                .collect(Collectors.groupingBy(GroupMember::partyCode, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }
}
