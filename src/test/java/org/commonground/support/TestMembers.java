package org.commonground.support;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.commonground.group.DelegationRepository;
import org.commonground.group.GroupService;
import org.commonground.member.Member;
import org.commonground.member.MemberRepository;
import org.commonground.member.MemberService;
import org.commonground.member.Registration;
import org.commonground.party.PartyConfirmationRepository;
import org.commonground.party.PartyRepository;
import org.commonground.security.SecondFactorRepository;
import org.commonground.security.SignedInMember;
import org.commonground.security.Totp;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Registers members with unique addresses and acts as them, so tests sharing a database do not collide. */
@Component
public class TestMembers {

    public static final String PASSWORD = "blue-kettle-harbour-9";
    private static final String REGISTRAR = "party-registrar@example.org";

    private final MemberService members;
    private final MemberRepository memberRepository;
    private final PartyRepository parties;
    private final PartyConfirmationRepository confirmations;
    private final DelegationRepository delegations;
    private final SecondFactorRepository secondFactors;

    /**
     * The authenticator-app secret every test admin has (admins must have a second factor); tests that sign in
     * through the sign-in page type codes from {@link #authenticatorCode}.
     */
    private static final byte[] ADMIN_AUTHENTICATOR_SECRET = "test-admin-secret-20".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public TestMembers(MemberService members, MemberRepository memberRepository, PartyRepository parties,
                       PartyConfirmationRepository confirmations, DelegationRepository delegations,
                       SecondFactorRepository secondFactors) {
        this.delegations = delegations;
        this.secondFactors = secondFactors;
        this.members = members;
        this.memberRepository = memberRepository;
        this.parties = parties;
        this.confirmations = confirmations;
    }

    /**
     * With no admin configured, a database's first account becomes its admin, who must then add a second factor
     * before any page lets them past the Security page. Browser and view tests call this first, so that the first
     * account is the registrar, who never signs in, and no test's own first member finds themselves an admin.
     */
    public void registrarFirst() {
        registrar();
    }

    public SignedInMember registerAdmin(String name) {
        SignedInMember m = register(name, "NONE");
        memberRepository.makeAdmin(m.id());
        secondFactors.saveTotp(m.id(), ADMIN_AUTHENTICATOR_SECRET, 0);
        return new SignedInMember(m.id(), m.email(), m.displayName(), m.partyId(), m.partyCode(), m.partyColour(), true, null);
    }

    /**
     * A code of the member's authenticator app that the sign-in will take: the current step's, or, if that step was
     * used already (a second sign-in within 30 seconds), the next one's, waiting for it.
     */
    public String authenticatorCode(long memberId) {
        SecondFactorRepository.TotpSecret totp = secondFactors.totp(memberId).orElseThrow();
        long step = Totp.step(java.time.Instant.now());
        while (step <= totp.lastUsedStep()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = Totp.step(java.time.Instant.now());
        }
        return Totp.code(totp.secret(), step);
    }

    public static String uniqueEmail(String name) {
        return name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** For a benchmark that starts the app itself. */
    public static TestMembers of(ApplicationContext app) {
        return new TestMembers(app.getBean(MemberService.class), app.getBean(MemberRepository.class), app.getBean(PartyRepository.class),
                app.getBean(PartyConfirmationRepository.class), app.getBean(DelegationRepository.class),
                app.getBean(SecondFactorRepository.class));
    }

    /** A member who has verified their address and whose party has confirmed them, as most tests need. */
    public SignedInMember register(String name, String partyCode) {
        SignedInMember m = registerClaimed(name, partyCode);
        confirmations.confirm(m.id(), m.partyId(), registrar(), OffsetDateTime.now());
        return m;
    }

    /** The member's party confirms them. */
    public void confirmParty(String email) {
        Member m = memberRepository.findByEmail(email).orElseThrow();
        confirmations.confirm(m.id(), m.partyId(), registrar(), OffsetDateTime.now());
    }

    /**
     * Makes a confirmed member of a local or alliance group one of their party's delegates there, as an organiser
     * would (the appointment itself is {@code DelegationServiceTest}'s subject).
     */
    public void appointDelegate(long groupId, SignedInMember member) {
        delegations.appoint(groupId, member.id(), member.partyId(), registrar());
    }

    /** A member who has verified their address but whose party has not yet confirmed them. */
    public SignedInMember registerClaimed(String name, String partyCode) {
        SignedInMember m = registerUnverified(name, partyCode);
        memberRepository.markVerified(m.id(), OffsetDateTime.now());
        return m;
    }

    /**
     * Stands for the parties that confirm test members: the database wants the confirmer to be someone else. Found
     * by address each time, as a test's rolled-back transaction may have made (and lost) it.
     */
    private synchronized long registrar() {
        return memberRepository.findByEmail(REGISTRAR).orElseGet(() -> members.register(new Registration(REGISTRAR, "Party registrar",
                parties.findByCode("NONE").orElseThrow().id(), PASSWORD)).orElseThrow()).id();
    }

    /** A member who has not yet followed the emailed link. */
    public SignedInMember registerUnverified(String name, String partyCode) {
        signOut();
        Member m = members.register(new Registration(uniqueEmail(name), name, parties.findByCode(partyCode).orElseThrow().id(), PASSWORD))
                .orElseThrow();
        return new SignedInMember(m.id(), m.email(), m.displayName(), m.partyId(), partyCode,
                parties.findByCode(partyCode).orElseThrow().colour(), m.admin(), null);
    }

    /** An account made elsewhere (say, through the registration form), to act as in a test. */
    public SignedInMember signedIn(String email) {
        Member m = memberRepository.findByEmail(email).orElseThrow();
        var party = parties.findById(m.partyId()).orElseThrow();
        return new SignedInMember(m.id(), m.email(), m.displayName(), m.partyId(), party.code(), party.colour(), m.admin(), null);
    }

    /** Registers a member who asks to join the group and is approved by its convenor; leaves the convenor signed in. */
    public SignedInMember joined(GroupService groups, long groupId, SignedInMember convenor, String name, String partyCode) {
        return approvedInto(groups, groupId, convenor, register(name, partyCode));
    }

    /** As {@link #joined}, for a member whose party has not confirmed them: a convenor may still approve them. */
    public SignedInMember joinedClaiming(GroupService groups, long groupId, SignedInMember convenor, String name, String partyCode) {
        return approvedInto(groups, groupId, convenor, registerClaimed(name, partyCode));
    }

    private static SignedInMember approvedInto(GroupService groups, long groupId, SignedInMember convenor, SignedInMember m) {
        signIn(m);
        groups.requestToJoin(groupId);
        signIn(convenor);
        groups.approve(groupId, m.id());
        return m;
    }

    public static void signIn(SignedInMember member) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
