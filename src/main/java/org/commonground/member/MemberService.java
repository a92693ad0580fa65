package org.commonground.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.mail.Outbox;
import org.commonground.party.PartyRepository;
import org.commonground.security.PasswordChanged;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: registration, verifying an address by an emailed link, and password reset. Registration, following a
 * link and asking for a reset are open to people who are not signed in.
 */
@Service
public class MemberService {

    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    static final Duration VERIFICATION_LINK_LIFETIME = Duration.ofDays(2);
    /** "Send the link again" sends at most one a minute and five a day, so nobody's inbox can be flooded with them. */
    static final Duration RESEND_PAUSE = Duration.ofMinutes(1);
    static final int VERIFICATION_LINKS_PER_DAY = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int DISPLAY_NAME_MAX = 100;

    private final MemberRepository members;
    private final PartyRepository parties;
    private final PasswordEncoder passwordEncoder;
    private final Outbox outbox;
    private final AuditLog audit;
    private final AccountMailLimiter mailLimiter;
    private final String baseUrl;
    private final boolean adminConfigured;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public MemberService(MemberRepository members, PartyRepository parties, PasswordEncoder passwordEncoder,
                         Outbox outbox, AuditLog audit, AccountMailLimiter mailLimiter, @Value("${commonground.base-url}") String baseUrl,
                         @Value("${commonground.admin.email:}") String configuredAdminEmail, Clock clock,
                         ApplicationEventPublisher events) {
        this.members = members;
        this.parties = parties;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.audit = audit;
        this.mailLimiter = mailLimiter;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.adminConfigured = !configuredAdminEmail.isBlank();
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates an account. With no admin configured, the first account to register becomes the admin. When the
     * address has an account already, its owner is emailed instead and nothing else happens: the caller answers
     * "check your email" either way. Since a new account is signed in at once and a taken address is not, a prober can
     * tell them apart; the mail limits below bound how many addresses anyone can try.
     *
     * @return the new account, or empty when the address had one
     * @throws InvalidInputException naming each field that is wrong, or ("email") when too many messages went to the
     *                               address or from the caller's network lately; nothing is stored then
     */
    @Transactional
    public Optional<Member> register(Registration form) {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkEmail("email", form.email(), problems);
        TextRules.checkLine("displayName", "a display name", form.displayName(), DISPLAY_NAME_MAX, problems);
        if (form.partyId() == null || parties.findById(form.partyId()).isEmpty()) {
            problems.add(new FieldProblem("partyId", "Choose your party, or Non-party."));
        }
        PasswordRules.check("password", form.password(), form.email(), problems);
        InvalidInputException.throwIfAny(problems);

        String email = TextRules.normaliseEmail(form.email());
        mailLimiter.refusal(email).ifPresent(why -> {
            throw new InvalidInputException("email", why);
        });
        Optional<Member> existing = members.findByEmail(email);
        if (existing.isPresent()) {
            // Hashed for nothing, so that the answer takes as long as a real registration's.
            passwordEncoder.encode(form.password());
            tellOwnerOfRegistrationAttempt(existing.get());
            return Optional.empty();
        }
        boolean admin = false;
        if (!adminConfigured) {
            members.lockAdminElection();
            admin = !members.anyAdmin();
        }
        // Two registrations with the same address at once: the unique index decides, and the loser is told as if
        // the address had had an account all along.
        Optional<Long> id = members.insert(email, form.displayName().strip(), form.partyId(), passwordEncoder.encode(form.password()), admin);
        if (id.isEmpty()) {
            members.findByEmail(email).ifPresent(this::tellOwnerOfRegistrationAttempt);
            return Optional.empty();
        }
        audit.record(id.get(), admin ? AuditAction.MEMBER_REGISTERED_AS_FIRST_ADMIN : AuditAction.MEMBER_REGISTERED, "member", id.get(), null);
        Member member = members.findById(id.get()).orElseThrow();
        sendVerificationLink(member, now());
        return Optional.of(member);
    }

    /** Someone registered with an address that has an account: the owner hears of it (it may be themselves, having forgotten). */
    private void tellOwnerOfRegistrationAttempt(Member owner) {
        outbox.enqueue(owner.email(), "Someone tried to register with your Common Ground address", "Hello " + owner.displayName() + ",\n\n"
                + "Someone (perhaps you) tried to make a new Common Ground account with this address, which already has one.\n"
                + "No new account was made. If it was you, sign in; if you have forgotten your password, choose a new one here:\n\n"
                + baseUrl + "/forgot-password\n\n"
                + "If it was not you, ignore this message: your account is unchanged.\n");
        audit.record(owner.id(), AuditAction.REGISTRATION_WITH_TAKEN_ADDRESS, "member", owner.id(), null);
    }

    /** The signed-in member's address and whether it is verified; empty for a visitor. */
    @Transactional(readOnly = true)
    public Optional<EmailVerification> myEmailVerification() {
        return signedIn().map(me -> new EmailVerification(me.email(), members.isVerified(me.id())));
    }

    /**
     * Sends the signed-in member a new verification link, at most one a minute and five a day.
     *
     * @throws InvalidInputException ("resend") when the address is verified already or the limit is reached
     */
    @Transactional
    public void resendVerificationLink() {
        Member me = signedIn().orElseThrow(() -> new AccessDeniedException("Please sign in first."));
        // One request at a time per account, so two clicks at once cannot both pass the limit.
        members.lockForUpdate(me.id());
        if (members.isVerified(me.id())) {
            throw new InvalidInputException("resend", "Your address is verified already.");
        }
        OffsetDateTime now = now();
        List<OffsetDateTime> sent = members.verificationLinksSentSince(me.id(), now.minus(Duration.ofDays(1)));
        if (!sent.isEmpty() && sent.getFirst().isAfter(now.minus(RESEND_PAUSE))) {
            throw new InvalidInputException("resend", "A link went to " + me.email() + " less than a minute ago. "
                    + "Give it a moment, and look in your spam folder, before asking again.");
        }
        if (sent.size() >= VERIFICATION_LINKS_PER_DAY) {
            throw new InvalidInputException("resend", VERIFICATION_LINKS_PER_DAY + " links went to " + me.email()
                    + " in the last day, as many as we send. Try again tomorrow.");
        }
        sendVerificationLink(me, now);
    }

    /**
     * Verifies the address an emailed link went to. Open to visitors: the link itself is the proof of ownership.
     *
     * @throws InvalidInputException ("token") when the link is incomplete, expired, used or for an old address
     */
    @Transactional
    public void verifyEmail(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("token", "This link is incomplete. Copy the whole link from the email.");
        }
        OffsetDateTime now = now();
        long memberId = members.consumeVerificationToken(sha256(token), now).orElseThrow(() ->
                new InvalidInputException("token", "This link has expired or was used already."));
        if (members.markVerified(memberId, now)) {
            audit.record(memberId, AuditAction.EMAIL_VERIFIED, "member", memberId, null);
        }
    }

    private void sendVerificationLink(Member member, OffsetDateTime now) {
        String token = newToken();
        members.insertVerificationToken(member.id(), member.email(), sha256(token), now, now.plus(VERIFICATION_LINK_LIFETIME));
        outbox.enqueue(member.email(), "Verify your Common Ground address",
                "Hello " + member.displayName() + ",\n\n"
                + "Open this link within two days to verify that this address is yours. Until you do, you can sign in but\n"
                + "not join a group, comment, vote or sign:\n\n"
                + baseUrl + "/verify-email?token=" + token + "\n\n"
                + "If you did not make a Common Ground account, ignore this message.\n");
        audit.record(member.id(), AuditAction.EMAIL_VERIFICATION_SENT, "member", member.id(), null);
    }

    /**
     * The caller, by the name Spring Security authenticated (the address they signed in with); read here rather
     * than through {@code CurrentMember}, as the security package depends on this one for its sign-in page.
     */
    private Optional<Member> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return members.findByEmail(authentication.getName());
    }

    /**
     * Emails a one-time reset link if the address has an account. Says nothing either way to the caller, so the
     * form cannot be used to find out who is a member.
     *
     * @throws InvalidInputException ("email") when the address is malformed, or too many messages went to it or
     *                               from the caller's network lately, whether or not it has an account
     */
    @Transactional
    public void requestPasswordReset(String email) {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkEmail("email", email, problems);
        InvalidInputException.throwIfAny(problems);
        mailLimiter.refusal(TextRules.normaliseEmail(email)).ifPresent(why -> {
            throw new InvalidInputException("email", why);
        });
        Optional<Member> member = members.findByEmail(email);
        if (member.isEmpty()) {
            return;
        }
        String token = newToken();
        members.insertResetToken(member.get().id(), sha256(token), now().plus(RESET_LINK_LIFETIME));
        outbox.enqueue(member.get().email(), "Reset your Common Ground password",
                "Hello " + member.get().displayName() + ",\n\n"
                + "Someone (we hope you) asked to reset the password of your Common Ground account.\n"
                + "Open this link within an hour to choose a new one:\n\n"
                + baseUrl + "/reset-password?token=" + token + "\n\n"
                + "If it was not you, ignore this message: your password stays as it is.\n");
        audit.record(member.get().id(), AuditAction.PASSWORD_RESET_REQUESTED, "member", member.get().id(), null);
    }

    @Transactional(readOnly = true)
    public boolean isResetLinkUsable(String token) {
        return token != null && !token.isBlank() && members.resetTokenUsable(sha256(token), now());
    }

    /**
     * Sets a new password from an emailed link; the link then stops working, as do older ones, and every session
     * signed in to the account ends on its next request.
     */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRules.check("password", newPassword, null, problems);
        InvalidInputException.throwIfAny(problems);
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("token", "This reset link is incomplete. Ask for a new one.");
        }
        OffsetDateTime now = now();
        long memberId = members.consumeResetToken(sha256(token), now).orElseThrow(() ->
                new InvalidInputException("token", "This reset link has expired or was already used. Ask for a new one."));
        members.updatePassword(memberId, passwordEncoder.encode(newPassword), now);
        events.publishEvent(new PasswordChanged(memberId, now));
        members.expireResetTokens(memberId, now);
        audit.record(memberId, AuditAction.PASSWORD_RESET, "member", memberId, null);
        // The reset link went to the address too, so following it proves the same as a verification link.
        if (members.markVerified(memberId, now)) {
            audit.record(memberId, AuditAction.EMAIL_VERIFIED, "member", memberId, "by a password reset link");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
