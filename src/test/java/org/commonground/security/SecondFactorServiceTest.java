package org.commonground.security;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;
import static org.commonground.jooq.Tables.MEMBER_RECOVERY_CODE;
import static org.commonground.jooq.Tables.MEMBER_TOTP;

import java.time.Instant;
import java.util.List;

import org.commonground.member.MemberRepository;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

@IntegrationTest
class SecondFactorServiceTest {

    @Autowired
    SecondFactorService factors;
    @Autowired
    SecondStep secondStep;
    @Autowired
    CurrentMember currentMember;
    @Autowired
    TestMembers testMembers;
    @Autowired
    MemberRepository memberRepository;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** Signs in a new member and gives them an authenticator app; returns its secret. */
    private byte[] withAuthenticatorApp(SignedInMember member) {
        TestMembers.signIn(member);
        SecondFactorService.TotpEnrolment enrolment = factors.newAuthenticatorSecret();
        byte[] secret = Totp.fromBase32(enrolment.secret());
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Common%20Ground:").contains("secret=" + enrolment.secret());
        factors.addAuthenticatorApp(enrolment.secret(), Totp.code(secret, Totp.step(Instant.now())), TestMembers.PASSWORD);
        return secret;
    }

    private int mails(SignedInMember member, String subject) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(member.email()).and(MAIL_OUTBOX.SUBJECT.eq(subject)));
    }

    private static String currentCode(byte[] secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    @Test
    void anAdminWithoutASecondFactorMayDoNoAdminWorkUntilTheyAddOne() {
        SignedInMember plain = testMembers.register("Unprotected admin", "NONE");
        memberRepository.makeAdmin(plain.id());
        SignedInMember admin = testMembers.signedIn(plain.email());
        TestMembers.signIn(admin);
        assertThat(currentMember.mustAddSecondFactor(admin)).isTrue();
        assertThat(catchThrowableOfType(AccessDeniedException.class, currentMember::requireAdmin))
                .hasMessage(CurrentMember.ADMIN_NEEDS_SECOND_FACTOR);

        withAuthenticatorApp(admin);
        assertThat(currentMember.mustAddSecondFactor(admin)).isFalse();
        assertThat(currentMember.requireAdmin().id()).isEqualTo(admin.id());
        // Nor may they then take away their only factor.
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> factors.removeAuthenticatorApp(TestMembers.PASSWORD));
        assertThat(refused.messageFor("password")).contains("must keep a second factor");
        assertThat(db.fetchExists(MEMBER_TOTP, MEMBER_TOTP.MEMBER_ID.eq(admin.id()))).isTrue();
    }

    @Test
    void anAuthenticatorAppIsAddedOnlyWithItsCurrentCodeAndTheMemberIsEmailed() {
        SignedInMember member = testMembers.register("Careful member", "GRN");
        TestMembers.signIn(member);
        SecondFactorService.TotpEnrolment enrolment = factors.newAuthenticatorSecret();
        byte[] secret = Totp.fromBase32(enrolment.secret());
        String stale = Totp.code(secret, Totp.step(Instant.now()) - 3);
        InvalidInputException wrong = catchThrowableOfType(InvalidInputException.class,
                () -> factors.addAuthenticatorApp(enrolment.secret(), stale, TestMembers.PASSWORD));
        assertThat(wrong.messageFor("code")).contains("current 6-digit code");
        assertThat(db.fetchExists(MEMBER_TOTP, MEMBER_TOTP.MEMBER_ID.eq(member.id()))).isFalse();
        assertThat(factors.mine().any()).isFalse();

        List<String> codes = factors.addAuthenticatorApp(enrolment.secret(), currentCode(secret), TestMembers.PASSWORD);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertThat(db.select(MEMBER_RECOVERY_CODE.CODE_HASH).from(MEMBER_RECOVERY_CODE).where(MEMBER_RECOVERY_CODE.MEMBER_ID.eq(member.id()))
                .fetch(MEMBER_RECOVERY_CODE.CODE_HASH)).as("only hashes are kept").hasSize(10).doesNotContainAnyElementsOf(codes);
        assertThat(factors.mine()).isEqualTo(new SecondFactorService.SecondFactors(true, List.of(), 10, false));
        assertThat(mails(member, "A second factor was added to your Common Ground account")).isEqualTo(1);
    }

    @Test
    void anAuthenticatorCodeWorksOnceAndAWrongOneIsEmailed() {
        SignedInMember member = testMembers.register("Code reuser", "GRN");
        byte[] secret = withAuthenticatorApp(member);
        TestMembers.signOut();
        // The code that enrolled the app is used already.
        long step = Totp.step(Instant.now());
        String next = Totp.code(secret, step + 1);
        assertThat(factors.checkSecondStep(member.id(), next)).isTrue();
        assertThat(factors.checkSecondStep(member.id(), next)).as("the same code again").isFalse();
        assertThat(factors.checkSecondStep(member.id(), Totp.code(secret, step))).as("an earlier step's code").isFalse();
        assertThat(mails(member, "A failed sign-in to your Common Ground account")).isEqualTo(2);
    }

    @Test
    void aRecoveryCodeWorksOnceWithOrWithoutItsDashes() {
        SignedInMember member = testMembers.register("Phone loser", "LAB");
        TestMembers.signIn(member);
        SecondFactorService.TotpEnrolment enrolment = factors.newAuthenticatorSecret();
        List<String> codes = factors.addAuthenticatorApp(enrolment.secret(), currentCode(Totp.fromBase32(enrolment.secret())), TestMembers.PASSWORD);
        TestMembers.signOut();

        String code = codes.get(3);
        assertThat(factors.checkSecondStep(member.id(), code.replace("-", "").toUpperCase())).isTrue();
        assertThat(factors.checkSecondStep(member.id(), code)).as("used already").isFalse();
        assertThat(factors.checkSecondStep(member.id(), codes.get(4))).isTrue();
        assertThat(mails(member, "A recovery code was used on your Common Ground account")).isEqualTo(2);
        TestMembers.signIn(member);
        assertThat(factors.mine().recoveryCodesLeft()).isEqualTo(8);

        List<String> fresh = factors.newRecoveryCodes(TestMembers.PASSWORD);
        TestMembers.signOut();
        assertThat(factors.checkSecondStep(member.id(), codes.get(5))).as("replaced codes no longer work").isFalse();
        assertThat(factors.checkSecondStep(member.id(), fresh.get(0))).isTrue();
    }

    @Test
    void removingTheAppNeedsThePasswordAndIsEmailed() {
        SignedInMember member = testMembers.register("Remover", "GRN");
        withAuthenticatorApp(member);
        InvalidInputException wrong = catchThrowableOfType(InvalidInputException.class,
                () -> factors.removeAuthenticatorApp("not-my-password-at-all"));
        assertThat(wrong.messageFor("password")).isEqualTo("That is not your password.");
        assertThat(factors.mine().authenticatorApp()).isTrue();

        factors.removeAuthenticatorApp(TestMembers.PASSWORD);
        assertThat(factors.mine()).isEqualTo(new SecondFactorService.SecondFactors(false, List.of(), 0, false));
        assertThat(mails(member, "A second factor was removed from your Common Ground account")).isEqualTo(1);
    }

    @Test
    void guessingThePasswordOnTheSecurityPageSpendsTheSignInAllowance() {
        SignedInMember member = testMembers.register("Guessed at", "GRN");
        withAuthenticatorApp(member);
        for (int i = 0; i < 5; i++) {
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> factors.newRecoveryCodes("guess-" + UUID.randomUUID()))
                    .messageFor("password")).isEqualTo("That is not your password.");
        }
        // Five wrong in the minute, as at the sign-in form: now even the right one waits.
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> factors.removeAuthenticatorApp(TestMembers.PASSWORD))
                .messageFor("password")).isEqualTo(RateLimitedAuthenticationProvider.LIMIT_REACHED);
        assertThat(factors.mine().authenticatorApp()).isTrue();
    }

    @Test
    void aPasskeyIsRegisteredOnlyRightAfterThePasswordAndOnlyOnce() {
        SignedInMember member = testMembers.register("Passkey adder", "GRN");
        TestMembers.signIn(member);
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> factors.allowPasskeyRegistration("a-guess-at-it"))
                    .messageFor("password")).isEqualTo("That is not your password.");
            assertThat(SecondFactorService.takePasskeyRegistration(request.getSession(), Instant.now())).as("no password, no passkey").isFalse();

            factors.allowPasskeyRegistration(TestMembers.PASSWORD);
            assertThat(SecondFactorService.takePasskeyRegistration(request.getSession(), Instant.now().plusSeconds(299))).isTrue();
            assertThat(SecondFactorService.takePasskeyRegistration(request.getSession(), Instant.now())).as("used up").isFalse();

            factors.allowPasskeyRegistration(TestMembers.PASSWORD);
            assertThat(SecondFactorService.takePasskeyRegistration(request.getSession(), Instant.now().plusSeconds(301))).as("expired").isFalse();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Autowired
    WebAuthnRelyingPartyOperations relyingParty;

    @Test
    void passkeysMustBeUnlockedByTheirOwnerEveryTime() {
        SignedInMember member = testMembers.register("Passkey owner", "GRN");
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(member.email(), null, List.of());

        var creation = relyingParty.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn));
        var request = relyingParty.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(null));

        assertThat(creation.getAuthenticatorSelection().getUserVerification()).isEqualTo(UserVerificationRequirement.REQUIRED);
        assertThat(creation.getAuthenticatorSelection().getResidentKey()).isEqualTo(ResidentKeyRequirement.REQUIRED);
        assertThat(request.getUserVerification()).isEqualTo(UserVerificationRequirement.REQUIRED);
    }

    /** The sign-in itself: a right password alone does not sign in a member who has a second factor. */
    @Test
    void aRightPasswordWaitsForTheSecondStepWhichIsRateLimited() throws Exception {
        SignedInMember member = testMembers.register("Two stepper", "GRN");
        byte[] secret = withAuthenticatorApp(member);
        TestMembers.signOut();
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, "saved by the password filter");

        secondStep.onAuthenticationSuccess(request, response,
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        assertThat(response.getRedirectedUrl()).isEqualTo("/second-factor");
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        assertThat(secondStep.isPending(session)).isTrue();

        String address = "203.0.113." + (member.id() % 250);
        for (int i = 0; i < 5; i++) {
            assertThat(secondStep.complete(session, address, "000000")).isEqualTo(SecondStep.Outcome.WRONG_CODE);
        }
        assertThat(secondStep.complete(session, address, currentCode(secret))).as("right, but after five failures")
                .isEqualTo(SecondStep.Outcome.TOO_MANY_ATTEMPTS);
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        assertThat(mails(member, "A failed sign-in to your Common Ground account")).isEqualTo(5);
    }

    @Test
    void theRightCodeSignsTheSessionIn() throws Exception {
        SignedInMember member = testMembers.register("Two stepper", "GRN");
        byte[] secret = withAuthenticatorApp(member);
        TestMembers.signOut();
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSession(session);
        secondStep.onAuthenticationSuccess(request, new MockHttpServletResponse(),
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));

        assertThat(secondStep.complete(session, "198.51.100.7", Totp.code(secret, Totp.step(Instant.now()) + 1)))
                .isEqualTo(SecondStep.Outcome.SIGNED_IN);
        SecurityContext context = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((SignedInMember) context.getAuthentication().getPrincipal()).id()).isEqualTo(member.id());
        assertThat(secondStep.isPending(session)).isFalse();
    }

    @Test
    void aMemberWithoutASecondFactorSignsInWithThePasswordAlone() throws Exception {
        SignedInMember member = testMembers.register("One stepper", "GRN");
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        secondStep.onAuthenticationSuccess(request, response,
                UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(secondStep.isPending(session)).isFalse();
    }
}
