package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;
import static org.commonground.jooq.Tables.MEMBER;

import javax.sql.DataSource;

import org.commonground.party.PartyRepository;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Mailbox;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@IntegrationTest
class MemberServiceTest {

    @Autowired
    MemberService members;
    @Autowired
    PartyRepository parties;
    @Autowired
    DSLContext db;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    DataSource dataSource;

    private long green() {
        return parties.findByCode("GRN").orElseThrow().id();
    }

    private InvalidInputException refused(Registration form) {
        long before = db.fetchCount(MEMBER);
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> members.register(form));
        assertThat(e).as("registration should be refused").isNotNull();
        assertThat(db.fetchCount(MEMBER)).as("nothing stored").isEqualTo(before);
        return e;
    }

    @Test
    void registersAMemberWithAnArgon2idHashNotThePassword() {
        String email = TestMembers.uniqueEmail("Rhiannon");
        Member m = members.register(new Registration(email, "  Rhiannon Evans ", green(), TestMembers.PASSWORD)).orElseThrow();
        assertThat(m.displayName()).isEqualTo("Rhiannon Evans");
        String hash = db.select(MEMBER.PASSWORD_HASH).from(MEMBER).where(MEMBER.ID.eq(m.id())).fetchOne(MEMBER.PASSWORD_HASH);
        assertThat(hash).startsWith("$argon2id$").doesNotContain(TestMembers.PASSWORD);
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email.toUpperCase(), TestMembers.PASSWORD))
                .isAuthenticated()).isTrue();
    }

    /** The form's answer must not tell whether the address has an account: the owner hears by email instead. */
    @Test
    void aTakenAddressIsNotRevealedButItsOwnerIsToldByEmail() {
        String email = TestMembers.uniqueEmail("Dup");
        Member first = members.register(new Registration(email, "First", green(), TestMembers.PASSWORD)).orElseThrow();
        long before = db.fetchCount(MEMBER);
        assertThat(members.register(new Registration(email.toUpperCase(), "Second", green(), "other-lantern-meadow-6"))).isEmpty();
        assertThat(db.fetchCount(MEMBER)).as("nothing stored").isEqualTo(before);
        assertThat(db.select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(first.email()))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne())
                .satisfies(mail -> {
                    assertThat(mail.value1()).contains("tried to register");
                    assertThat(mail.value2()).contains("/forgot-password").contains("Hello First");
                });
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, TestMembers.PASSWORD))
                .isAuthenticated()).as("the owner's password is unchanged").isTrue();
    }

    /** Three messages an hour to any one address, through either form; the fourth is refused, account or not. */
    @Test
    void messagesToOneAddressAreLimitedWhetherOrNotItHasAnAccount() {
        String member = TestMembers.uniqueEmail("Flooded");
        members.register(new Registration(member, "Flooded", green(), TestMembers.PASSWORD));
        members.requestPasswordReset(member);
        members.register(new Registration(member.toUpperCase(), "Again", green(), TestMembers.PASSWORD));
        String stranger = TestMembers.uniqueEmail("Stranger");
        for (int i = 0; i < 3; i++) {
            members.requestPasswordReset(stranger);
        }
        long mailsBefore = db.fetchCount(MAIL_OUTBOX);
        assertThatThrownBy(() -> members.requestPasswordReset(member)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("as many messages to this address as we send in an hour");
        assertThatThrownBy(() -> members.requestPasswordReset(stranger)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("as many messages to this address as we send in an hour");
        assertThat(refused(new Registration(member, "Third", green(), TestMembers.PASSWORD)).messageFor("email"))
                .contains("as many messages to this address");
        assertThat(db.fetchCount(MAIL_OUTBOX)).isEqualTo(mailsBefore);
    }

    /** Ten requests an hour from one client address, to any addresses; another client, or no web request, is unaffected. */
    @Test
    void requestsFromOneClientAreLimited() {
        AccountMailLimiter limiter = new AccountMailLimiter(dataSource, 3, 10);
        try {
            asWebRequestFrom("198.51.100.41");
            for (int i = 0; i < 10; i++) {
                assertThat(limiter.refusal(TestMembers.uniqueEmail("Sprayed"))).isEmpty();
            }
            assertThat(limiter.refusal(TestMembers.uniqueEmail("Sprayed"))).hasValueSatisfying(why ->
                    assertThat(why).contains("Too many requests from your network"));
            asWebRequestFrom("198.51.100.42");
            assertThat(limiter.refusal(TestMembers.uniqueEmail("Elsewhere"))).isEmpty();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(limiter.refusal(TestMembers.uniqueEmail("Offline"))).isEmpty();
    }

    private static void asWebRequestFrom(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        InvalidInputException e = refused(new Registration("not-an-email", "x".repeat(10_000), null, "short"));
        assertThat(e.problems()).containsOnlyKeys("email", "displayName", "partyId", "password");
        assertThat(e.messageFor("displayName")).contains("at most 100").contains("10000");
    }

    @Test
    void refusesADenyListedPassword() {
        assertThat(refused(new Registration(TestMembers.uniqueEmail("Weak"), "Weak", green(), "password1234")).messageFor("password"))
                .contains("too easy");
    }

    @Test
    void storesHtmlAndSqlAsPlainText() {
        String name = "<script>alert(1)</script>'); drop table member;--";
        Member m = members.register(new Registration(TestMembers.uniqueEmail("Bobby"), name, green(), TestMembers.PASSWORD)).orElseThrow();
        assertThat(m.displayName()).isEqualTo(name);
        assertThat(db.fetchCount(MEMBER)).isPositive();
    }

    @Test
    void exactlyOneAdminWhenNoneIsConfigured() {
        members.register(new Registration(TestMembers.uniqueEmail("Any"), "Any", green(), TestMembers.PASSWORD));
        assertThat(db.fetchCount(MEMBER, MEMBER.ADMIN.isTrue())).isEqualTo(1);
    }

    @Test
    void resetsAPasswordThroughTheEmailedLinkOnce() {
        String email = TestMembers.uniqueEmail("Forgetful");
        members.register(new Registration(email, "Forgetful", green(), TestMembers.PASSWORD));
        members.requestPasswordReset(email.toUpperCase());

        String token = Mailbox.token(db, email, "reset-password");
        assertThat(members.isResetLinkUsable(token)).isTrue();

        members.resetPassword(token, "new-lantern-meadow-4");
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "new-lantern-meadow-4"))
                .isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, TestMembers.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(members.isResetLinkUsable(token)).isFalse();
        assertThatThrownBy(() -> members.resetPassword(token, "another-lantern-meadow-5"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already used");
    }

    /** Without SMTP the log says where the mail is, never what it says: a reset link in a log takes the account. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLogWithoutSmtpHoldsNoResetLink(CapturedOutput log) {
        String email = TestMembers.uniqueEmail("Logged");
        members.register(new Registration(email, "Logged", green(), TestMembers.PASSWORD));
        members.requestPasswordReset(email);
        String token = Mailbox.token(db, email, "reset-password");
        assertThat(log.getOut()).contains("Reset your Common Ground password").contains("select body from mail_outbox where id =")
                .doesNotContain(token).doesNotContain("verify-email?token=");
    }

    @Test
    void saysNothingAndSendsNothingForAnUnknownAddress() {
        String email = TestMembers.uniqueEmail("Nobody");
        members.requestPasswordReset(email);
        assertThat(db.fetchCount(MAIL_OUTBOX, DSL.lower(MAIL_OUTBOX.RECIPIENT).eq(email))).isZero();
    }

    @Test
    void aWeakNewPasswordLeavesTheLinkUsable() {
        String email = TestMembers.uniqueEmail("Careful");
        members.register(new Registration(email, "Careful", green(), TestMembers.PASSWORD));
        members.requestPasswordReset(email);
        String token = Mailbox.token(db, email, "reset-password");
        assertThatThrownBy(() -> members.resetPassword(token, "short")).isInstanceOf(InvalidInputException.class);
        assertThat(members.isResetLinkUsable(token)).isTrue();
    }

    @Test
    void aResetLinkPastItsHourIsRefused() {
        String email = TestMembers.uniqueEmail("Slow");
        members.register(new Registration(email, "Slow", green(), TestMembers.PASSWORD));
        members.requestPasswordReset(email);
        String token = Mailbox.token(db, email, "reset-password");
        // The link was made an hour and a minute ago.
        db.execute("update password_reset_token set created_at = created_at - interval '61 minutes', expires_at = expires_at - interval '61 minutes' "
                + "where member_id = (select id from member where email = ?)", email);
        assertThat(members.isResetLinkUsable(token)).isFalse();
        assertThatThrownBy(() -> members.resetPassword(token, "new-lantern-meadow-4"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, TestMembers.PASSWORD)).isAuthenticated()).isTrue();
    }
}
