package org.commonground.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpSession;
import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.mail.Outbox;
import org.commonground.security.SecondFactorRepository.Holder;
import org.commonground.security.SecondFactorRepository.Passkey;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's second factors (issue 17): an authenticator app (TOTP) with one-time recovery codes, and passkeys.
 * Admins must keep at least one. Every factor added or removed, and every failed second step, is emailed to the
 * member, so someone else acting on their account does not go unnoticed.
 */
@Service
public class SecondFactorService {

    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "Common Ground";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorRepository factors;
    private final CurrentMember currentMember;
    private final PasswordEncoder passwords;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInAttemptLimiter limiter;

    public SecondFactorService(SecondFactorRepository factors, CurrentMember currentMember, PasswordEncoder passwords,
                               Outbox outbox, AuditLog audit, Clock clock, SignInAttemptLimiter limiter) {
        this.limiter = limiter;
        this.factors = factors;
        this.currentMember = currentMember;
        this.passwords = passwords;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the Security page shows. {@code required}: the member is an admin, who must keep one factor. */
    public record SecondFactors(boolean authenticatorApp, List<Passkey> passkeys, int recoveryCodesLeft, boolean required) {

        public boolean any() {
            return authenticatorApp || !passkeys.isEmpty();
        }
    }

    /** A new authenticator-app secret, not yet saved: saved once the member shows a code made from it. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    @Transactional(readOnly = true)
    public SecondFactors mine() {
        SignedInMember me = currentMember.require();
        return new SecondFactors(factors.totp(me.id()).isPresent(), factors.passkeys(me.id()),
                factors.unusedRecoveryCodes(me.id()), me.admin());
    }

    public TotpEnrolment newAuthenticatorSecret() {
        SignedInMember me = currentMember.require();
        byte[] secret = Totp.newSecret();
        return new TotpEnrolment(Totp.base32(secret), Totp.otpauthUri(ISSUER, me.email(), secret));
    }

    /**
     * Saves the authenticator app whose secret was shown, once the member proves it works with a code from it, and
     * returns a fresh set of recovery codes (shown once; only their hashes are kept).
     *
     * The password is asked first: whoever holds an unlocked browser must not be able to give themselves a way back
     * in that outlasts a password reset.
     *
     * @throws InvalidInputException on "password" when it is wrong, on "code" when the code is not the app's current one
     */
    @Transactional
    public List<String> addAuthenticatorApp(String secret, String code, String password) {
        Holder me = confirmedByPassword(password);
        byte[] key;
        try {
            key = Totp.fromBase32(secret == null ? "" : secret);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("code", "Start again: the secret was not one this page made.");
        }
        if (key.length != Totp.SECRET_BYTES) {
            throw new InvalidInputException("code", "Start again: the secret was not one this page made.");
        }
        OptionalLong step = Totp.matchingStep(key, code, clock.instant(), 0);
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "That is not the app's current 6-digit code. Check the app shows "
                    + "Common Ground and that your phone's clock is right, then type the code it shows now.");
        }
        factors.saveTotp(me.id(), key, step.getAsLong());
        List<String> codes = replaceRecoveryCodes(me.id());
        added(me.id(), "an authenticator app");
        return codes;
    }

    /**
     * Lets this browser session register one passkey in the next five minutes, once the member has typed their
     * password, for the same reason as {@link #addAuthenticatorApp}: Spring Security's registration endpoint asks for
     * this permission and uses it up.
     *
     * @throws InvalidInputException on "password" when it is wrong
     */
    @Transactional
    public void allowPasskeyRegistration(String password) {
        confirmedByPassword(password);
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            throw new IllegalStateException("A passkey is registered from a browser");
        }
        request.getRequest().getSession().setAttribute(PASSKEY_REGISTRATION_ALLOWED_UNTIL, clock.instant().plus(PASSKEY_REGISTRATION_WINDOW));
    }

    static final String PASSKEY_REGISTRATION_ALLOWED_UNTIL = SecondFactorService.class.getName() + ".passkeyRegistrationAllowedUntil";
    private static final Duration PASSKEY_REGISTRATION_WINDOW = Duration.ofMinutes(5);

    /** Whether the session may register a passkey now; the permission is used up by asking. */
    static boolean takePasskeyRegistration(HttpSession session, Instant now) {
        Object until = session.getAttribute(PASSKEY_REGISTRATION_ALLOWED_UNTIL);
        session.removeAttribute(PASSKEY_REGISTRATION_ALLOWED_UNTIL);
        return until instanceof Instant deadline && now.isBefore(deadline);
    }

    /** @throws InvalidInputException on "password" when it is wrong, or when an admin would be left without a factor */
    @Transactional
    public void removeAuthenticatorApp(String password) {
        Holder me = confirmedByPassword(password);
        if (factors.totp(me.id()).isEmpty()) {
            throw new InvalidInputException("password", "There is no authenticator app to remove.");
        }
        keepOneForAdmins(me, factors.passkeys(me.id()).isEmpty());
        factors.deleteTotp(me.id());
        forgetRecoveryCodesIfNoFactorIsLeft(me.id());
        removed(me, "your authenticator app");
    }

    /** @throws InvalidInputException on "password" when it is wrong, or when an admin would be left without a factor */
    @Transactional
    public void removePasskey(String credentialId, String password) {
        Holder me = confirmedByPassword(password);
        Passkey passkey = factors.passkeys(me.id()).stream().filter(p -> p.credentialId().equals(credentialId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("That passkey is not one of yours."));
        keepOneForAdmins(me, factors.totp(me.id()).isEmpty() && factors.passkeys(me.id()).size() == 1);
        factors.deletePasskey(me.id(), credentialId);
        forgetRecoveryCodesIfNoFactorIsLeft(me.id());
        removed(me, "the passkey \"" + passkey.label() + "\"");
    }

    /** New recovery codes in place of all earlier ones. */
    @Transactional
    public List<String> newRecoveryCodes(String password) {
        Holder me = confirmedByPassword(password);
        if (!factors.hasAny(me.id())) {
            throw new InvalidInputException("password", "Add an authenticator app or a passkey first: recovery codes stand in for one.");
        }
        List<String> codes = replaceRecoveryCodes(me.id());
        audit.record(me.id(), AuditAction.RECOVERY_CODES_REPLACED, "member", me.id(), null);
        outbox.enqueue(me.email(), "New Common Ground recovery codes", greeting(me)
                + "New recovery codes were made for your account; the earlier ones no longer work.\n" + notYou());
        return codes;
    }

    /** Whether signing in as this member takes a second step (or a passkey). */
    boolean hasSecondFactor(long memberId) {
        return factors.hasAny(memberId);
    }

    /**
     * The second step of a password sign-in: true when {@code code} is the member's authenticator code (of a step not
     * used before) or one of their unused recovery codes, which is then used up. A wrong code is emailed to them.
     */
    @Transactional
    boolean checkSecondStep(long memberId, String code) {
        Holder member = factors.holder(memberId).orElseThrow();
        var totp = factors.totp(memberId);
        if (totp.isPresent()) {
            OptionalLong step = Totp.matchingStep(totp.get().secret(), code, clock.instant(), totp.get().lastUsedStep());
            if (step.isPresent() && factors.useTotpStep(memberId, step.getAsLong())) {
                audit.record(memberId, AuditAction.SIGNED_IN_WITH_AUTHENTICATOR_CODE, "member", memberId, null);
                return true;
            }
        }
        if (code != null && factors.useRecoveryCode(memberId, hash(normalised(code)), OffsetDateTime.now(clock))) {
            audit.record(memberId, AuditAction.SIGNED_IN_WITH_RECOVERY_CODE, "member", memberId, null);
            outbox.enqueue(member.email(), "A recovery code was used on your Common Ground account", greeting(member)
                    + "Someone signed in to your account with one of its recovery codes. " + factors.unusedRecoveryCodes(memberId)
                    + " are left.\n" + notYou());
            return true;
        }
        audit.record(memberId, AuditAction.SECOND_STEP_FAILED, "member", memberId, null);
        outbox.enqueue(member.email(), "A failed sign-in to your Common Ground account", greeting(member)
                + "Someone typed your password correctly but then a wrong authenticator or recovery code.\n"
                + "If it was not you, someone knows your password: change it now (Forgot your password? on the sign-in page).\n");
        return false;
    }

    /** Spring Security has saved a new passkey for the member with this user entity. */
    @Transactional
    void passkeyAdded(String userEntityId, String label) {
        factors.memberByPasskeyUser(userEntityId).ifPresent(memberId -> added(memberId, "the passkey \"" + label + "\""));
    }

    private List<String> replaceRecoveryCodes(long memberId) {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            // 80 random bits each: unguessable online, and too many to try offline against a fast hash.
            byte[] bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            String code = Totp.base32(bytes).toLowerCase();
            codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12));
        }
        factors.replaceRecoveryCodes(memberId, codes.stream().map(c -> hash(normalised(c))).toList());
        return codes;
    }

    /**
     * The member, locked until the change commits (so two removals at once cannot both pass the admins' rule), once
     * they have typed their password. Guessing it here is guessing the password: the sign-in form's allowance, taken
     * before the check and given back when it is right.
     */
    private Holder confirmedByPassword(String password) {
        Holder me = factors.lockedHolder(currentMember.require().id()).orElseThrow();
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : "unknown";
        if (!limiter.tryStartAttempt(me.email(), address)) {
            throw new InvalidInputException("password", RateLimitedAuthenticationProvider.LIMIT_REACHED);
        }
        if (password == null || password.isEmpty() || !passwords.matches(password, me.passwordHash())) {
            throw new InvalidInputException("password", "That is not your password.");
        }
        limiter.giveBackAttempt(me.email(), address);
        return me;
    }

    /** Recovery codes stand in for a factor; with none left they would be a password of their own. */
    private void forgetRecoveryCodesIfNoFactorIsLeft(long memberId) {
        if (!factors.hasAny(memberId)) {
            factors.deleteRecoveryCodes(memberId);
        }
    }

    /** Refuses, before anything is deleted, to leave an admin with no second factor. */
    private static void keepOneForAdmins(Holder me, boolean wouldBeTheLast) {
        if (me.admin() && wouldBeTheLast) {
            throw new InvalidInputException("password", "Administrators must keep a second factor: add another one before removing this.");
        }
    }

    private void added(long memberId, String what) {
        Holder member = factors.holder(memberId).orElseThrow();
        audit.record(memberId, AuditAction.SECOND_FACTOR_ADDED, "member", memberId, what);
        outbox.enqueue(member.email(), "A second factor was added to your Common Ground account", greeting(member)
                + "From now on, signing in to your account can use " + what + ".\n" + notYou());
    }

    private void removed(Holder member, String what) {
        audit.record(member.id(), AuditAction.SECOND_FACTOR_REMOVED, "member", member.id(), what);
        outbox.enqueue(member.email(), "A second factor was removed from your Common Ground account", greeting(member)
                + "Signing in to your account no longer uses " + what + ".\n" + notYou());
    }

    private static String greeting(Holder member) {
        return "Hello " + member.displayName() + ",\n\n";
    }

    private static String notYou() {
        return "\nIf this was not you, change your password now (Forgot your password? on the sign-in page) and tell an administrator.\n";
    }

    /** Recovery codes are typed with or without their dashes, in either case. */
    private static String normalised(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
