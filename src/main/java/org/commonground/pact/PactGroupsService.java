package org.commonground.pact;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupRepository;
import org.commonground.group.GroupSummary;
import org.commonground.group.MembershipRepository;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pacts across several LOCAL groups: a convenor of the pact's home group invites another local group, a convenor of
 * that group accepts (it joins: its members read the pact, its parties' delegates and confirmed members take part in
 * ratifying it) or declines, and a joined group's convenor may take it out again until the pact is ratified. An
 * ALLIANCE group's pact also asks the local groups of its seats to read it (V36): accepted, their members read and
 * discuss it but never ratify it; either side may end that. Every method checks the caller's rights itself; every
 * change is audited, its detail starting "group &lt;id&gt;".
 */
@Service
public class PactGroupsService {

    /** A group is asked to read a pact, and accepts, until it is published (then everyone reads it), never once it collapsed. */
    private static final PactState[] READABLE_BY_INVITATION = {PactState.DRAFT, PactState.NEGOTIATING, PactState.RATIFYING, PactState.RATIFIED};

    private final PactRepository pacts;
    private final PactGuard guard;
    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final BallotService ballots;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    PactGroupsService(PactRepository pacts, PactGuard guard, GroupRepository groups, MembershipRepository memberships, BallotService ballots,
                      CurrentMember currentMember, AuditLog audit) {
        this.pacts = pacts;
        this.guard = guard;
        this.groups = groups;
        this.memberships = memberships;
        this.ballots = ballots;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** The groups with a part in the pact: home, joined, invited, and (an alliance pact) those reading it or asked to. */
    @Transactional(readOnly = true)
    public List<PactGroup> groupsOf(long pactId) {
        SignedInMember me = currentMember.require();
        guard.readable(pactId, me);
        return pacts.groups(pactId, me.id());
    }

    /** The LOCAL groups a convenor of the pact's home group could invite: none already in it. Empty for anyone else. */
    @Transactional(readOnly = true)
    public List<GroupSummary> invitable(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.readable(pactId, me);
        if (!memberships.isConvenor(access.groupId(), me.id())) {
            return List.of();
        }
        Set<Long> inIt = pacts.groups(pactId, me.id()).stream().map(PactGroup::groupId).collect(Collectors.toSet());
        return groups.findAll(me.id()).stream().filter(g -> g.kind() == GroupKind.LOCAL && !inIt.contains(g.id())).toList();
    }

    /** A convenor of the pact's home group asks another LOCAL group to join it, while it is drafted or negotiated. */
    @Transactional
    public void invite(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(access.groupId(), me.id())) {
            throw new AccessDeniedException("Only a convenor of the group that started the pact invites other groups to it.");
        }
        PactGuard.requireState(access, "Groups join a pact while it is drafted or negotiated.", PactState.DRAFT, PactState.NEGOTIATING);
        GroupSummary group = groups.find(groupId, me.id()).orElseThrow(() -> new InvalidInputException("group", "There is no such group."));
        if (group.kind() != GroupKind.LOCAL) {
            throw new InvalidInputException("group", group.name() + " is not a local group: only local groups join pacts.");
        }
        if (groupId == access.groupId()) {
            throw new InvalidInputException("group", group.name() + " started this pact; it is in it already.");
        }
        PactGroupPart part = pacts.partOf(pactId, groupId).orElse(null);
        if (part != null || !pacts.invite(pactId, groupId, me.id())) {
            throw new InvalidInputException("group", alreadyIn(group.name(), part == null ? PactGroupPart.INVITED : part));
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_INVITED, "pact", pactId, "group " + groupId + " " + group.name());
    }

    /** The pacts the group is invited to join: for its convenors (who answer), empty for anyone else. */
    @Transactional(readOnly = true)
    public List<PactSummary> invitations(long groupId) {
        SignedInMember me = currentMember.require();
        return memberships.isConvenor(groupId, me.id()) ? pacts.invitationsTo(groupId) : List.of();
    }

    /** A convenor of the invited group accepts: the group joins the pact. */
    @Transactional
    public void accept(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = invitedConvenor(pactId, groupId, me);
        PactGuard.requireState(access, "A group joins a pact while it is drafted or negotiated.", PactState.DRAFT, PactState.NEGOTIATING);
        if (!pacts.accept(pactId, groupId, me.id())) {
            throw new InvalidInputException("group", "Another convenor of the group answered a moment ago: reload the page to see it.");
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_JOINED, "pact", pactId, "group " + groupId + " " + groups.name(groupId));
    }

    /** A convenor of the invited group declines: the invitation goes, and the group can be asked again later. */
    @Transactional
    public void decline(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        invitedConvenor(pactId, groupId, me);
        if (!pacts.removeGroup(pactId, groupId, PactGroupPart.INVITED)) {
            throw new InvalidInputException("group", "Another convenor of the group answered a moment ago: reload the page to see it.");
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_DECLINED, "pact", pactId, "group " + groupId + " " + groups.name(groupId));
    }

    /**
     * A convenor of a joined group takes it out of the pact, before the pact is ratified. Leaving while it is being
     * ratified returns it to negotiation, as a party's rejection does (its ballots cancelled): the parties agreed to
     * it with that group in it.
     */
    @Transactional
    public void leave(long pactId, long groupId, String reason) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(groupId, me.id())) {
            throw new AccessDeniedException("Only a convenor of a group takes it out of a pact.");
        }
        if (groupId == access.groupId()) {
            throw new InvalidInputException("group", "The group that started the pact cannot leave it; a convenor can end the pact instead.");
        }
        if (pacts.partOf(pactId, groupId).orElse(null) != PactGroupPart.JOINED) {
            throw new InvalidInputException("group", "That group is not in this pact.");
        }
        PactGuard.requireState(access, "A group leaves a pact before it is ratified.", PactState.DRAFT, PactState.NEGOTIATING, PactState.RATIFYING);
        String why = reason == null ? "" : reason.strip();
        if (why.length() > PactService.MAX_REASON) {
            throw new InvalidInputException("reason", "A reason can be at most 5,000 characters.");
        }
        String name = groups.name(groupId);
        if (access.state() == PactState.RATIFYING) {
            if (why.isEmpty()) {
                throw new InvalidInputException("reason", "Say why " + name + " leaves: the pact goes back to negotiation.");
            }
            if (pacts.awaitingCorrection(pactId).isPresent()) {
                throw new InvalidInputException("state", "The pact is published; only a correction of it is being ratified.");
            }
        }
        // Ballots are cancelled by the leaver while still a reader, once the pact has left ratification (as they require).
        if (access.state() == PactState.RATIFYING) {
            pacts.changeState(pactId, PactState.NEGOTIATING, name + " left the pact: " + why);
            for (long ballotId : pacts.openBallots(pactId, access.pact().getRound())) {
                ballots.cancelRatification(ballotId, name + " left the pact, which is back in negotiation.");
            }
        }
        pacts.removeGroup(pactId, groupId, PactGroupPart.JOINED);
        audit.record(me.id(), AuditAction.PACT_GROUP_LEFT, "pact", pactId, "group " + groupId + " " + name + (why.isEmpty() ? "" : ": " + why));
    }

    /** The LOCAL groups a convenor of an alliance's pact could invite to read it: those listing one of its seats, none in it yet. */
    @Transactional(readOnly = true)
    public List<GroupSummary> readerInvitable(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.readable(pactId, me);
        if (!memberships.isConvenor(access.groupId(), me.id()) || !isAlliance(access, me)) {
            return List.of();
        }
        Set<Long> inIt = pacts.groups(pactId, me.id()).stream().map(PactGroup::groupId).collect(Collectors.toSet());
        Set<Long> ofItsSeats = Set.copyOf(pacts.localGroupsListingSeatsOf(pactId));
        return groups.findAll(me.id()).stream().filter(g -> ofItsSeats.contains(g.id()) && !inIt.contains(g.id())).toList();
    }

    /**
     * A convenor of an alliance's pact asks a LOCAL group of one of its seats to read and comment on it (issue 21):
     * its members will read it and take part in its discussion, never in ratifying it. The group is chosen by the
     * alliance, never by the group: a group's seats are whatever its creator typed (V34).
     */
    @Transactional
    public void inviteToRead(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(access.groupId(), me.id())) {
            throw new AccessDeniedException("Only a convenor of the group that started the pact asks other groups to read it.");
        }
        if (!isAlliance(access, me)) {
            throw new InvalidInputException("group", "Only an alliance's pact is read by the local groups of its seats; "
                    + "invite a local group to join this pact instead.");
        }
        PactGuard.requireState(access, "Groups are asked to read a pact before it is published.", READABLE_BY_INVITATION);
        GroupSummary group = groups.find(groupId, me.id()).orElseThrow(() -> new InvalidInputException("group", "There is no such group."));
        if (group.kind() != GroupKind.LOCAL) {
            throw new InvalidInputException("group", group.name() + " is not a local group: only the local groups of a pact's seats are asked to read it.");
        }
        PactGroupPart part = pacts.partOf(pactId, groupId).orElse(null);
        if (part != null) {
            throw new InvalidInputException("group", alreadyIn(group.name(), part));
        }
        if (!pacts.localGroupsListingSeatsOf(pactId).contains(groupId)) {
            throw new InvalidInputException("group", group.name() + " lists none of this pact's seats: only the local groups of its seats are asked to read it.");
        }
        if (!pacts.invite(pactId, groupId, me.id(), PactGroupPart.READER_INVITED)) {
            throw new InvalidInputException("group", alreadyIn(group.name(), pacts.partOf(pactId, groupId).orElse(PactGroupPart.READER_INVITED)));
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_READER_INVITED, "pact", pactId, "group " + groupId + " " + group.name());
    }

    /** The alliances' pacts the group is asked to read: for its convenors (who answer), empty for anyone else. */
    @Transactional(readOnly = true)
    public List<PactSummary> readingInvitations(long groupId) {
        SignedInMember me = currentMember.require();
        return memberships.isConvenor(groupId, me.id()) ? pacts.invitationsTo(groupId, PactGroupPart.READER_INVITED) : List.of();
    }

    /** A convenor of the group asked to read accepts: its active members read the pact and take part in its discussion. */
    @Transactional
    public void acceptReading(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = invitedConvenor(pactId, groupId, me, PactGroupPart.READER_INVITED);
        PactGuard.requireState(access, "A group starts reading a pact before it is published.", READABLE_BY_INVITATION);
        if (!pacts.answer(pactId, groupId, me.id(), PactGroupPart.READER_INVITED, PactGroupPart.READING)) {
            throw new InvalidInputException("group", "Another convenor of the group answered a moment ago: reload the page to see it.");
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_READING, "pact", pactId, "group " + groupId + " " + groups.name(groupId));
    }

    /** A convenor of the group asked to read declines: the invitation goes, and the group can be asked again later. */
    @Transactional
    public void declineReading(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        invitedConvenor(pactId, groupId, me, PactGroupPart.READER_INVITED);
        if (!pacts.removeGroup(pactId, groupId, PactGroupPart.READER_INVITED)) {
            throw new InvalidInputException("group", "Another convenor of the group answered a moment ago: reload the page to see it.");
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_READER_DECLINED, "pact", pactId, "group " + groupId + " " + groups.name(groupId));
    }

    /** A convenor of a reading group stops it reading the pact, at any time: it was never in the pact's decisions. */
    @Transactional
    public void stopReading(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(groupId, me.id())) {
            throw new AccessDeniedException("Only a convenor of a group stops it reading a pact.");
        }
        if (!pacts.removeGroup(pactId, groupId, PactGroupPart.READING)) {
            throw new InvalidInputException("group", "That group does not read this pact.");
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_STOPPED_READING, "pact", pactId, "group " + groupId + " " + groups.name(groupId));
    }

    /** A convenor of the alliance that started the pact withdraws a group's invitation to read it, or its reading. */
    @Transactional
    public void withdrawReader(long pactId, long groupId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(access.groupId(), me.id())) {
            throw new AccessDeniedException("Only a convenor of the group that started the pact withdraws a group's reading of it.");
        }
        PactGroupPart part = pacts.partOf(pactId, groupId).orElse(null);
        if ((part != PactGroupPart.READING && part != PactGroupPart.READER_INVITED) || !pacts.removeGroup(pactId, groupId, part)) {
            throw new InvalidInputException("group", "That group neither reads this pact nor is asked to.");
        }
        audit.record(me.id(), AuditAction.PACT_GROUP_READER_WITHDRAWN, "pact", pactId, "group " + groupId + " " + groups.name(groupId));
    }

    private boolean isAlliance(PactGuard.Access access, SignedInMember me) {
        return groups.find(access.groupId(), me.id()).map(g -> g.kind() == GroupKind.ALLIANCE).orElse(false);
    }

    /** Why a group with a part in the pact already is not invited again, whatever part it has. */
    private static String alreadyIn(String name, PactGroupPart part) {
        return name + switch (part) {
            case HOME -> " started this pact; it is in it already.";
            case JOINED -> " has already joined this pact.";
            case INVITED -> " is already invited to join this pact; its convenors have yet to answer.";
            case READING -> " already reads this pact.";
            case READER_INVITED -> " is already asked to read this pact; its convenors have yet to answer.";
        };
    }

    private PactGuard.Access invitedConvenor(long pactId, long groupId, SignedInMember me) {
        return invitedConvenor(pactId, groupId, me, PactGroupPart.INVITED);
    }

    private PactGuard.Access invitedConvenor(long pactId, long groupId, SignedInMember me, PactGroupPart invitation) {
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(groupId, me.id())) {
            throw new AccessDeniedException("Only a convenor of the invited group answers for it.");
        }
        if (pacts.partOf(pactId, groupId).orElse(null) != invitation) {
            throw new InvalidInputException("group", invitation == PactGroupPart.INVITED
                    ? "That group is not invited to this pact (it may have answered already)."
                    : "That group is not asked to read this pact (it may have answered already).");
        }
        return access;
    }
}
