package org.commonground.party;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each party confirms its own members: a member's party is claimed until a confirmer of that party confirms it.
 * The root of trust is an admin naming a party's organisers (people the party has named to the operator); they
 * confirm the party's members or withdraw a confirmation (with a reason). Nobody confirms themselves or anyone of
 * another party, and an organiser's own confirmation is withdrawn only once an admin has removed them as organiser,
 * so that one organiser cannot unseat the others.
 */
@Service
public class PartyConfirmationService {

    static final int MAX_REASON = 1000;

    private final PartyConfirmationRepository confirmations;
    private final PartyRepository parties;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Clock clock;

    public PartyConfirmationService(PartyConfirmationRepository confirmations, PartyRepository parties, CurrentMember currentMember,
                                    AuditLog audit, Clock clock) {
        this.confirmations = confirmations;
        this.parties = parties;
        this.currentMember = currentMember;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's own party and whether it is confirmed. */
    @Transactional(readOnly = true)
    public PartyStanding myStanding() {
        return confirmations.standing(currentMember.require().id()).orElseThrow();
    }

    /** Whether the caller confirms members of their party (and so may open its list). */
    @Transactional(readOnly = true)
    public boolean mayConfirm() {
        SignedInMember me = currentMember.require();
        return confirmations.isConfirmer(me.id(), me.partyId());
    }

    /** The members of the caller's party, those still claiming it first; for its confirmers only. */
    @Transactional(readOnly = true)
    public List<PartyStanding> membersToConfirm() {
        SignedInMember me = requireConfirmer();
        return confirmations.membersOf(me.partyId());
    }

    /** The organisers of a party: anyone signed in may see who speaks for a party here. */
    @Transactional(readOnly = true)
    public List<PartyStanding> organisers(String partyCode) {
        currentMember.require();
        return confirmations.organisersOf(party(partyCode).id());
    }

    @Transactional
    public void confirm(long memberId) {
        SignedInMember me = requireConfirmer();
        PartyStanding target = sameParty(me, memberId);
        if (!currentMember.hasVerifiedEmail(memberId)) {
            throw new InvalidInputException("member", target.displayName() + " has not verified their email address yet.");
        }
        if (!confirmations.confirm(memberId, me.partyId(), me.id(), OffsetDateTime.now(clock))) {
            throw new InvalidInputException("member", target.displayName() + " is confirmed already.");
        }
        audit.record(me.id(), AuditAction.PARTY_CONFIRMED, "member", memberId, target.partyCode());
    }

    @Transactional
    public void revoke(long memberId, String reason) {
        SignedInMember me = requireConfirmer();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "Say why the confirmation is withdrawn: the member and the record will show it.");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "A reason can be at most " + MAX_REASON + " characters.");
        }
        PartyStanding target = sameParty(me, memberId);
        if (target.organiser()) {
            throw new InvalidInputException("member", target.displayName() + " organises " + target.partyCode()
                    + ": an admin removes them as organiser first.");
        }
        if (!confirmations.revoke(memberId, me.partyId())) {
            throw new InvalidInputException("member", target.displayName() + " is not confirmed, so there is nothing to withdraw.");
        }
        audit.record(me.id(), AuditAction.PARTY_CONFIRMATION_REVOKED, "member", memberId, target.partyCode() + ": " + why);
    }

    /**
     * An admin names one of a party's organisers, by the address the party gave; this also confirms the member's party.
     *
     * @throws InvalidInputException ("email") when no verified account of that party has the address
     */
    @Transactional
    public void appointOrganiser(String partyCode, String email) {
        SignedInMember admin = currentMember.requireAdmin();
        Party party = party(partyCode);
        if (PartyStanding.NON_PARTY.equals(party.code())) {
            throw new InvalidInputException("party", "Non-party members have no party to organise.");
        }
        PartyStanding member = confirmations.standingByEmail(email == null ? "" : email)
                .orElseThrow(() -> new InvalidInputException("email", "There is no account with this address: ask the person to register first."));
        if (member.memberId() == admin.id()) {
            throw new InvalidInputException("email", "Nobody appoints themselves: another admin names you.");
        }
        if (member.partyId() != party.id()) {
            throw new InvalidInputException("email", member.displayName() + " belongs to " + member.partyCode() + ", not " + party.code() + ".");
        }
        if (!currentMember.hasVerifiedEmail(member.memberId())) {
            throw new InvalidInputException("email", member.displayName() + " has not verified their email address yet.");
        }
        confirmations.lockMember(member.memberId());
        confirmations.confirm(member.memberId(), party.id(), admin.id(), OffsetDateTime.now(clock));
        if (!confirmations.addOrganiser(party.id(), member.memberId(), admin.id())) {
            throw new InvalidInputException("email", member.displayName() + " organises " + party.code() + " already.");
        }
        audit.record(admin.id(), AuditAction.PARTY_ORGANISER_APPOINTED, "member", member.memberId(), party.code());
    }

    @Transactional
    public void removeOrganiser(String partyCode, long memberId) {
        SignedInMember admin = currentMember.requireAdmin();
        Party party = party(partyCode);
        if (!confirmations.removeOrganiser(party.id(), memberId)) {
            throw new InvalidInputException("member", "That member does not organise " + party.code() + ".");
        }
        audit.record(admin.id(), AuditAction.PARTY_ORGANISER_REMOVED, "member", memberId, party.code());
    }

    private SignedInMember requireConfirmer() {
        SignedInMember me = currentMember.requireVerified();
        if (!confirmations.isConfirmer(me.id(), me.partyId())) {
            throw new AccessDeniedException("Only " + me.partyCode() + "'s organisers confirm its members.");
        }
        return me;
    }

    /** The member to confirm or revoke, who must be of the caller's party and not the caller. */
    private PartyStanding sameParty(SignedInMember me, long memberId) {
        if (memberId == me.id()) {
            throw new InvalidInputException("member", "Nobody confirms their own party, or withdraws it: another confirmer does.");
        }
        confirmations.lockMember(memberId);
        PartyStanding target = confirmations.standing(memberId).orElse(null);
        if (target == null || target.partyId() != me.partyId()) {
            throw new AccessDeniedException("You confirm members of " + me.partyCode() + " only.");
        }
        return target;
    }

    private Party party(String code) {
        return parties.findByCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new InvalidInputException("party", "There is no such party."));
    }
}
