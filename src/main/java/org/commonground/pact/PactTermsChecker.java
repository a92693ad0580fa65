package org.commonground.pact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.group.MembershipRepository;
import org.commonground.group.MembershipStatus;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.PactTermsRules;
import org.commonground.party.Party;
import org.commonground.party.PartyRepository;
import org.commonground.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What the terms of a pact may name: the seats of the groups that ratify it (every seat, for an ALLIANCE group) and
 * any party; shared by drafting and amending.
 */
@Component
class PactTermsChecker {

    private final PactRepository pacts;
    private final MembershipRepository memberships;
    private final PartyRepository parties;

    PactTermsChecker(PactRepository pacts, MembershipRepository memberships, PartyRepository parties) {
        this.pacts = pacts;
        this.memberships = memberships;
        this.parties = parties;
    }

    void check(PactTerms terms, List<Long> groupIds) {
        Set<String> codes = parties.findAll().stream().map(Party::code).collect(Collectors.toSet());
        InvalidInputException.throwIfAny(PactTermsRules.check(terms, constituencies(groupIds), codes));
    }

    /** ONS code to name: the groups' constituencies that have a code (pacts cite seats by code). */
    Map<String, String> constituencies(List<Long> groupIds) {
        return pacts.seatsOf(groupIds);
    }

    /** The parties of the groups' active members, largest first, without "non-party" (which fields no candidates). */
    List<String> memberParties(List<Long> groupIds) {
        // A member of two of the groups counts once.
        Map<Long, String> partyOf = new LinkedHashMap<>();
        groupIds.stream().flatMap(g -> memberships.members(g).stream()).filter(m -> m.status() == MembershipStatus.ACTIVE)
                .filter(m -> !m.partyCode().equals("NONE")).forEach(m -> partyOf.putIfAbsent(m.memberId(), m.partyCode()));
        Map<String, Long> counts = partyOf.values().stream()
                .collect(Collectors.groupingBy(code -> code, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }
}
