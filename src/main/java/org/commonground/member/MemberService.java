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

import org.commonground.audit.AuditLog;
import org.commonground.mail.Outbox;
import org.commonground.party.PartyRepository;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: registration and password reset. Both are open to people who are not signed in. */
@Service
public class MemberService {

    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberRepository members;
    private final PartyRepository parties;
    private final PasswordEncoder passwordEncoder;
    private final Outbox outbox;
    private final AuditLog audit;
    private final String baseUrl;
    private final boolean adminConfigured;
    private final Clock clock;

    public MemberService(MemberRepository members, PartyRepository parties, PasswordEncoder passwordEncoder,
                         Outbox outbox, AuditLog audit, @Value("${commonground.base-url}") String baseUrl,
                         @Value("${commonground.admin.email:}") String configuredAdminEmail, Clock clock) {
        this.members = members;
        this.parties = parties;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.audit = audit;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.adminConfigured = !configuredAdminEmail.isBlank();
        this.clock = clock;
    }

    /**
     * Creates an account. With no admin configured, the first account to register becomes the admin.
     *
     * @throws InvalidInputException naming each field that is wrong; nothing is stored then
     */
    @Transactional
    public Member register(Registration form) {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkEmail("email", form.email(), problems);
        TextRules.checkLine("displayName", "a display name", form.displayName(), 100, problems);
        if (form.partyId() == null || parties.findById(form.partyId()).isEmpty()) {
            problems.add(new FieldProblem("partyId", "Choose your party, or Non-party."));
        }
        PasswordRules.check("password", form.password(), form.email(), problems);
        InvalidInputException.throwIfAny(problems);

        String email = TextRules.normaliseEmail(form.email());
        if (members.emailExists(email)) {
            throw alreadyRegistered();
        }
        boolean admin = false;
        if (!adminConfigured) {
            members.lockAdminElection();
            admin = !members.anyAdmin();
        }
        long id;
        try {
            id = members.insert(email, form.displayName().strip(), form.partyId(), passwordEncoder.encode(form.password()), admin);
        } catch (DuplicateKeyException e) {
            // Two registrations with the same address at once: the unique index decides, this one loses.
            throw alreadyRegistered();
        }
        audit.record(id, admin ? "MEMBER_REGISTERED_AS_FIRST_ADMIN" : "MEMBER_REGISTERED", "member", id, null);
        return members.findById(id).orElseThrow();
    }

    /**
     * Emails a one-time reset link if the address has an account. Says nothing either way to the caller, so the
     * form cannot be used to find out who is a member.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkEmail("email", email, problems);
        InvalidInputException.throwIfAny(problems);
        Optional<Member> member = members.findByEmail(email);
        if (member.isEmpty()) {
            return;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        members.insertResetToken(member.get().id(), sha256(token), now().plus(RESET_LINK_LIFETIME));
        outbox.enqueue(member.get().email(), "Reset your Common Ground password",
                "Hello " + member.get().displayName() + ",\n\n"
                + "Someone (we hope you) asked to reset the password of your Common Ground account.\n"
                + "Open this link within an hour to choose a new one:\n\n"
                + baseUrl + "/reset-password?token=" + token + "\n\n"
                + "If it was not you, ignore this message: your password stays as it is.\n");
        audit.record(member.get().id(), "PASSWORD_RESET_REQUESTED", "member", member.get().id(), null);
    }

    @Transactional(readOnly = true)
    public boolean isResetLinkUsable(String token) {
        return token != null && !token.isBlank() && members.resetTokenUsable(sha256(token), now());
    }

    /** Sets a new password from an emailed link; the link then stops working, as do older ones. */
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
        members.updatePassword(memberId, passwordEncoder.encode(newPassword));
        members.expireResetTokens(memberId, now);
        audit.record(memberId, "PASSWORD_RESET", "member", memberId, null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static InvalidInputException alreadyRegistered() {
        return new InvalidInputException("email", "An account with this email address already exists. Sign in, or reset your password.");
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
