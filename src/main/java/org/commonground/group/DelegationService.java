package org.commonground.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.party.Party;
import org.commonground.party.PartyConfirmationRepository;
import org.commonground.party.PartyRepository;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each party present in a local or alliance group speaks there through its delegates: confirmed members of that
 * party in the group. A party's organisers, and its delegates in the group, appoint and remove them; a convenor of
 * the group, being of one party, has no say over another party's delegates. Delegates choose how their party
 * ratifies a pact. Every method checks the caller's rights itself.
 */
@Service
public class DelegationService {

    private final DelegationRepository delegations;
    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final PartyRepository parties;
    private final PartyConfirmationRepository confirmations;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    DelegationService(DelegationRepository delegations, GroupRepository groups, MembershipRepository memberships, PartyRepository parties,
                      PartyConfirmationRepository confirmations, CurrentMember currentMember, AuditLog audit) {
        this.delegations = delegations;
        this.groups = groups;
        this.memberships = memberships;
        this.parties = parties;
        this.confirmations = confirmations;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /**
     * Every party present in the group with its delegates, confirmed and claimed members, for the group's members.
     * A party's organiser who is not in the group sees their own party's delegation there, and no one else's.
     */
    @Transactional(readOnly = true)
    public List<PartyDelegation> delegations(long groupId) {
        SignedInMember me = currentMember.require();
        GroupSummary group = groups.find(groupId, me.id()).orElseThrow(DelegationService::noSuchGroup);
        boolean member = memberships.status(groupId, me.id()).orElse(null) == MembershipStatus.ACTIVE;
        if (!member && !confirmations.isConfirmer(me.id(), me.partyId())) {
            throw new AccessDeniedException("Only members of this group, and organisers of a party in it, see who speaks for each party here.");
        }
        if (!hasDelegations(group)) {
            return List.of();
        }
        List<PartyDelegation> all = new ArrayList<>();
        for (Map.Entry<String, List<DelegationMember>> party : delegations.membersByParty(groupId).entrySet()) {
            if (member || party.getKey().equals(me.partyCode())) {
                all.add(delegation(group, party.getKey(), party.getValue(), me));
            }
        }
        return all;
    }

    /** For an organiser: their party's delegation in every local and alliance group where it has confirmed members. */
    @Transactional(readOnly = true)
    public List<PartyDelegation> myPartysDelegations() {
        SignedInMember me = currentMember.require();
        if (!confirmations.isConfirmer(me.id(), me.partyId())) {
            throw new AccessDeniedException("Only a party's organisers see its delegations across groups.");
        }
        List<PartyDelegation> all = new ArrayList<>();
        for (DelegationRepository.GroupRef ref : delegations.groupsWithConfirmedMembers(me.partyId())) {
            GroupSummary group = groups.find(ref.id(), me.id()).orElseThrow();
            all.add(delegation(group, me.partyCode(), delegations.membersByParty(ref.id()).getOrDefault(me.partyCode(), List.of()), me));
        }
        return all;
    }

    /**
     * Makes a confirmed member of the caller's party in the group one of its delegates there. An organiser may
     * appoint themselves (the party named them); a delegate is one already.
     */
    @Transactional
    public void appoint(long groupId, long memberId) {
        SignedInMember me = currentMember.requireVerified();
        GroupSummary group = changeable(groupId, me);
        DelegationMember target = memberOfMyParty(groupId, memberId, me);
        if (!target.confirmed()) {
            throw new InvalidInputException("member", target.displayName() + " only claims " + me.partyCode()
                    + ": its organisers confirm them first (My party), then they can be a delegate.");
        }
        if (!delegations.appoint(groupId, memberId, me.partyId(), me.id())) {
            throw new InvalidInputException("member", target.displayName() + " is already a delegate of " + me.partyCode() + " here.");
        }
        audit.record(me.id(), AuditAction.DELEGATE_APPOINTED, "group", group.id(), me.partyCode() + ": " + target.displayName());
    }

    /** Ends a member's delegation for the caller's party in the group. */
    @Transactional
    public void remove(long groupId, long memberId) {
        SignedInMember me = currentMember.requireVerified();
        GroupSummary group = changeable(groupId, me);
        DelegationMember target = memberOfMyParty(groupId, memberId, me);
        if (!delegations.remove(groupId, memberId, me.partyId())) {
            throw new InvalidInputException("member", target.displayName() + " is not a delegate of " + me.partyCode() + " here.");
        }
        audit.record(me.id(), AuditAction.DELEGATE_REMOVED, "group", group.id(), me.partyCode() + ": " + target.displayName());
    }

    private PartyDelegation delegation(GroupSummary group, String partyCode, List<DelegationMember> people, SignedInMember me) {
        Party party = parties.findByCode(partyCode).orElseThrow();
        boolean mayChange = partyCode.equals(me.partyCode()) && mayChange(group.id(), me);
        return new PartyDelegation(group.id(), group.name(), partyCode, party.colour(),
                people.stream().filter(DelegationMember::delegate).toList(),
                people.stream().filter(p -> p.confirmed() && !p.delegate()).toList(),
                people.stream().filter(p -> !p.confirmed()).toList(), mayChange);
    }

    /** The caller speaks for their party here: confirmed by it, and an organiser of it or one of its delegates in the group. */
    private boolean mayChange(long groupId, SignedInMember me) {
        // A delegate whose party withdraws its confirmation stops being one (V18), so being a delegate is enough.
        return confirmations.isConfirmer(me.id(), me.partyId()) || delegations.isDelegate(groupId, me.id(), me.partyId());
    }

    private GroupSummary changeable(long groupId, SignedInMember me) {
        GroupSummary group = groups.find(groupId, me.id()).orElseThrow(DelegationService::noSuchGroup);
        if (!hasDelegations(group)) {
            throw new InvalidInputException("group", "Parties have delegates in local and alliance groups, not in a party's own group.");
        }
        if (!mayChange(groupId, me)) {
            throw new AccessDeniedException("Only " + me.partyCode() + "'s organisers, and its delegates in this group, appoint and remove its delegates.");
        }
        // One party's appointments and removals in a group happen one after another.
        delegations.lockParty(groupId, me.partyId());
        return group;
    }

    private DelegationMember memberOfMyParty(long groupId, long memberId, SignedInMember me) {
        return delegations.membersByParty(groupId).getOrDefault(me.partyCode(), List.of()).stream()
                .filter(m -> m.memberId() == memberId).findFirst()
                .orElseThrow(() -> new InvalidInputException("member", "That person is not a member of " + me.partyCode() + " in this group."));
    }

    private static boolean hasDelegations(GroupSummary group) {
        return group.kind() == GroupKind.LOCAL || group.kind() == GroupKind.ALLIANCE;
    }

    private static InvalidInputException noSuchGroup() {
        return new InvalidInputException("group", "There is no such group.");
    }
}
