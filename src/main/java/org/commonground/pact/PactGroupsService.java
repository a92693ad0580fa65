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
 * ratifying it) or declines, and a joined group's convenor may take it out again until the pact is ratified. Every
 * method checks the caller's rights itself; every change is audited, its detail starting "group &lt;id&gt;".
 */
@Service
public class PactGroupsService {

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

    /** The groups with a part in the pact: home, joined, invited, and (an alliance pact) those covering its seats. */
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
        if (part == PactGroupPart.JOINED || part == PactGroupPart.INVITED || !pacts.invite(pactId, groupId, me.id())) {
            throw new InvalidInputException("group", group.name() + (part == PactGroupPart.JOINED ? " has already joined this pact."
                    : " is already invited to this pact; its convenors have yet to answer."));
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

    private PactGuard.Access invitedConvenor(long pactId, long groupId, SignedInMember me) {
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!memberships.isConvenor(groupId, me.id())) {
            throw new AccessDeniedException("Only a convenor of the invited group answers for it.");
        }
        if (pacts.partOf(pactId, groupId).orElse(null) != PactGroupPart.INVITED) {
            throw new InvalidInputException("group", "That group is not invited to this pact (it may have answered already).");
        }
        return access;
    }
}
