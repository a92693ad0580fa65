package org.commonground.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.mail.Outbox;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups and their membership. Every method finds out who is calling and checks that person's rights itself:
 * convenors decide on requests, invite, promote and remove; members see their groups; anyone signed in may browse
 * groups and ask to join.
 */
@Service
public class GroupService {

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final DelegationRepository delegations;
    private final CurrentMember currentMember;
    private final Outbox outbox;
    private final AuditLog audit;
    private final String baseUrl;

    public GroupService(GroupRepository groups, MembershipRepository memberships, DelegationRepository delegations, CurrentMember currentMember,
                        Outbox outbox, AuditLog audit, @Value("${commonground.base-url}") String baseUrl) {
        this.groups = groups;
        this.memberships = memberships;
        this.delegations = delegations;
        this.currentMember = currentMember;
        this.outbox = outbox;
        this.audit = audit;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Transactional(readOnly = true)
    public List<GroupSummary> myGroups() {
        return groups.findForMember(currentMember.require().id());
    }

    /** Every group, so a member can find one to join. Names and descriptions only; members are not listed. */
    @Transactional(readOnly = true)
    public List<GroupSummary> directory() {
        return groups.findAll(currentMember.require().id());
    }

    @Transactional(readOnly = true)
    public GroupDetails details(long groupId) {
        SignedInMember me = currentMember.require();
        GroupSummary summary = groups.find(groupId, me.id()).orElseThrow(GroupService::noSuchGroup);
        return new GroupDetails(summary, groups.constituencies(groupId), groups.lineWidth(groupId));
    }

    /** Members see who else is in their group; convenors also see pending requests. */
    @Transactional(readOnly = true)
    public List<GroupMember> members(long groupId) {
        SignedInMember me = currentMember.require();
        boolean convenor = memberships.isConvenor(groupId, me.id());
        if (!convenor && memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw new AccessDeniedException("Only members of this group can see who belongs to it.");
        }
        return memberships.members(groupId).stream()
                .filter(m -> convenor || m.status() == MembershipStatus.ACTIVE)
                .toList();
    }

    @Transactional
    public long create(NewGroup form) {
        SignedInMember me = currentMember.requireVerified();
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkLine("name", "a name", form.name(), 120, problems);
        TextRules.checkOptionalText("description", "the description", form.description(), 2000, problems);
        if (form.kind() == null) {
            problems.add(new FieldProblem("kind", "Choose what kind of group this is."));
        }
        InvalidInputException.throwIfAny(problems);
        List<Constituency> constituencies = form.kind() == GroupKind.LOCAL
                ? ConstituencyListParser.parse("constituencies", form.constituencies()) : List.of();
        if (form.kind() == GroupKind.LOCAL && constituencies.isEmpty()) {
            throw new InvalidInputException("constituencies", "List at least one constituency, one per line.");
        }
        String name = form.name().strip();
        if (groups.nameExists(name)) {
            throw nameTaken(name);
        }
        // A party group is always the creator's own party: nobody starts a group for another party.
        Long partyId = form.kind() == GroupKind.PARTY ? me.partyId() : null;
        long groupId;
        try {
            groupId = groups.insert(name, form.kind(), partyId, form.description() == null ? "" : form.description().strip(), me.id());
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        groups.insertConstituencies(groupId, constituencies);
        memberships.insertActive(groupId, me.id(), GroupRole.CONVENOR, me.id());
        audit.record(me.id(), AuditAction.GROUP_CREATED, "group", groupId, form.kind() + " " + name);
        return groupId;
    }

    /**
     * Characters per numbered line in the group's new proposals. Each proposal keeps the width it was made with, so
     * the line numbers its comments and amendments cite stay true.
     */
    @Transactional
    public void setLineWidth(long groupId, Integer width) {
        long convenorId = requireConvenor(groupId);
        if (width == null || width < 40 || width > 200) {
            throw new InvalidInputException("lineWidth", "Choose between 40 and 200 characters per line.");
        }
        groups.updateLineWidth(groupId, width);
        audit.record(convenorId, AuditAction.GROUP_LINE_WIDTH, "group", groupId, String.valueOf(width));
    }

    /** Asks to join. Asking again, or asking when already a member, changes nothing. */
    @Transactional
    public MembershipStatus requestToJoin(long groupId) {
        SignedInMember me = currentMember.requireVerified();
        checkPartyMayJoin(groupId, me.partyId());
        if (memberships.insertRequest(groupId, me.id())) {
            audit.record(me.id(), AuditAction.JOIN_REQUESTED, "group", groupId, null);
        }
        return memberships.status(groupId, me.id()).orElseThrow();
    }

    /** Withdraws the caller's own pending request. */
    @Transactional
    public void withdrawRequest(long groupId) {
        SignedInMember me = currentMember.require();
        if (memberships.deleteRequest(groupId, me.id())) {
            audit.record(me.id(), AuditAction.JOIN_REQUEST_WITHDRAWN, "group", groupId, null);
        }
    }

    /** Approves a request. Approving one that was already approved (say, in another tab) returns false, no change. */
    @Transactional
    public boolean approve(long groupId, long memberId) {
        return convenorDecides(groupId, memberId, AuditAction.JOIN_APPROVED, convenorId -> {
            if (!currentMember.hasVerifiedEmail(memberId)) {
                throw new InvalidInputException("member", "This member has not verified their email address yet; "
                        + "they can be approved once they have.");
            }
            return memberships.approve(groupId, memberId, convenorId);
        });
    }

    @Transactional
    public boolean refuse(long groupId, long memberId) {
        return convenorDecides(groupId, memberId, AuditAction.JOIN_REFUSED, convenorId -> memberships.deleteRequest(groupId, memberId));
    }

    @Transactional
    public boolean promote(long groupId, long memberId) {
        return convenorDecides(groupId, memberId, AuditAction.CONVENOR_PROMOTED, convenorId -> memberships.promote(groupId, memberId));
    }

    /** Runs a convenor's decision about a member and records it when it changed something. */
    private boolean convenorDecides(long groupId, long memberId, AuditAction action, LongPredicate decision) {
        long convenorId = requireConvenor(groupId);
        boolean changed = decision.test(convenorId);
        if (changed) {
            audit.record(convenorId, action, "group", groupId, "member " + memberId);
        }
        return changed;
    }

    /** Removes a member (a convenor removing someone) or the caller themselves (leaving). A group keeps a convenor. */
    @Transactional
    public boolean remove(long groupId, long memberId) {
        SignedInMember me = currentMember.require();
        boolean leaving = memberId == me.id();
        if (!leaving) {
            requireConvenor(groupId);
        }
        memberships.lockGroup(groupId);
        // Removing a party's delegate would end their delegation, which is that party's to end, not a convenor's.
        Optional<String> delegateOf = leaving ? Optional.empty() : delegations.partyDelegatedBy(groupId, memberId);
        if (delegateOf.isPresent()) {
            throw new InvalidInputException("member", "They are one of " + delegateOf.get() + "'s delegates here: " + delegateOf.get()
                    + "'s organisers or delegates end that first (Parties here).");
        }
        boolean removingConvenor = memberships.isConvenor(groupId, memberId);
        if (removingConvenor && memberships.countConvenors(groupId) <= 1) {
            throw new InvalidInputException("member", "A group needs a convenor: make someone else convenor first.");
        }
        boolean changed = memberships.delete(groupId, memberId);
        if (changed) {
            audit.record(me.id(), leaving ? AuditAction.MEMBER_LEFT : AuditAction.MEMBER_REMOVED, "group", groupId, "member " + memberId);
        }
        return changed;
    }

    /**
     * Invites someone by email; they see the invitation when they sign in (or after registering with that address).
     * Returns false when an invitation to that address is already open.
     */
    @Transactional
    public boolean invite(long groupId, String email) {
        long convenorId = requireConvenor(groupId);
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkEmail("email", email, problems);
        InvalidInputException.throwIfAny(problems);
        String address = TextRules.normaliseEmail(email);
        if (memberships.hasMemberWithEmail(groupId, address)) {
            throw new InvalidInputException("email", address + " is already in this group.");
        }
        GroupSummary group = groups.find(groupId, convenorId).orElseThrow(GroupService::noSuchGroup);
        if (!memberships.insertInvitation(groupId, address, convenorId)) {
            return false;
        }
        outbox.enqueue(address, "You are invited to " + group.name() + " on Common Ground",
                "Hello,\n\nYou have been invited to join " + group.name() + " (" + group.kind().label() + ") on Common Ground.\n"
                + "Sign in, or register with this email address, and accept the invitation on your groups page:\n\n"
                + baseUrl + "/groups\n");
        audit.record(convenorId, AuditAction.MEMBER_INVITED, "group", groupId, address);
        return true;
    }

    @Transactional(readOnly = true)
    public List<Invitation> myInvitations() {
        return memberships.openInvitationsFor(currentMember.require().email());
    }

    @Transactional(readOnly = true)
    public List<Invitation> openInvitations(long groupId) {
        requireConvenor(groupId);
        return memberships.openInvitationsOf(groupId);
    }

    /** Accepts an invitation; false when it was already answered (say, in another tab), and nothing changes. */
    @Transactional
    public boolean acceptInvitation(long invitationId) {
        // Only the verified owner of the invited address: registering it is not enough.
        SignedInMember me = currentMember.requireVerified();
        Invitation invitation = myInvitation(invitationId, me);
        checkPartyMayJoin(invitation.groupId(), me.partyId());
        if (memberships.closeInvitation(invitationId, true)) {
            memberships.insertActive(invitation.groupId(), me.id(), GroupRole.MEMBER, null);
            audit.record(me.id(), AuditAction.INVITATION_ACCEPTED, "group", invitation.groupId(), null);
            return true;
        }
        return false;
    }

    @Transactional
    public boolean declineInvitation(long invitationId) {
        SignedInMember me = currentMember.require();
        Invitation invitation = myInvitation(invitationId, me);
        if (memberships.closeInvitation(invitationId, false)) {
            audit.record(me.id(), AuditAction.INVITATION_DECLINED, "group", invitation.groupId(), null);
            return true;
        }
        return false;
    }

    private Invitation myInvitation(long invitationId, SignedInMember me) {
        return memberships.invitation(invitationId)
                .filter(i -> i.email().equalsIgnoreCase(me.email()))
                .orElseThrow(() -> new InvalidInputException("invitation", "There is no such invitation for you."));
    }

    private void checkPartyMayJoin(long groupId, long partyId) {
        if (!groups.exists(groupId)) {
            throw noSuchGroup();
        }
        Long groupParty = groups.partyOf(groupId);
        if (groupParty != null && groupParty != partyId) {
            throw new InvalidInputException("group", "Only members of that party can join a party group.");
        }
    }

    private long requireConvenor(long groupId) {
        SignedInMember me = currentMember.require();
        if (!memberships.isConvenor(groupId, me.id())) {
            throw new AccessDeniedException("Only a convenor of this group may do that.");
        }
        return me.id();
    }

    private static InvalidInputException noSuchGroup() {
        return new InvalidInputException("group", "There is no such group.");
    }

    private static InvalidInputException nameTaken(String name) {
        return new InvalidInputException("name", "There is already a group called " + name + ". Choose another name.");
    }
}
