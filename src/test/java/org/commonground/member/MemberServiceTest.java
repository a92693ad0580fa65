package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;
import static org.commonground.jooq.Tables.MEMBER;

import org.commonground.party.PartyRepository;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Mailbox;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

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
        Member m = members.register(new Registration(email, "  Rhiannon Evans ", green(), TestMembers.PASSWORD));
        assertThat(m.displayName()).isEqualTo("Rhiannon Evans");
        String hash = db.select(MEMBER.PASSWORD_HASH).from(MEMBER).where(MEMBER.ID.eq(m.id())).fetchOne(MEMBER.PASSWORD_HASH);
        assertThat(hash).startsWith("$argon2id$").doesNotContain(TestMembers.PASSWORD);
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email.toUpperCase(), TestMembers.PASSWORD))
                .isAuthenticated()).isTrue();
    }

    @Test
    void refusesADuplicateEmailInAnyLetterCase() {
        String email = TestMembers.uniqueEmail("Dup");
        members.register(new Registration(email, "First", green(), TestMembers.PASSWORD));
        InvalidInputException e = refused(new Registration(email.toUpperCase(), "Second", green(), TestMembers.PASSWORD));
        assertThat(e.messageFor("email")).contains("already exists");
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
        Member m = members.register(new Registration(TestMembers.uniqueEmail("Bobby"), name, green(), TestMembers.PASSWORD));
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
