package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.commonground.ballot.BallotService;
import org.commonground.group.GroupService;
import org.commonground.member.MemberService;
import org.commonground.proposal.ProposalService;
import org.commonground.support.BusyGroups;
import org.commonground.support.BusyGroups.Seat;
import org.commonground.support.Mailbox;
import org.commonground.support.TestDatabaseInitializer;
import org.commonground.support.TestMembers;
import org.commonground.support.UiSession;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The members' side over real HTTP, as an attacker would meet it: the sign-in form wants its CSRF token and counts
 * failures, signing in issues a new session id, Vaadin's own request protection refuses a forged key, and pages
 * may not be framed or sniffed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class WebSecurityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    BallotService ballots;
    @Autowired
    MemberService members;

    private URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    private HttpResponse<String> signInWithoutToken(String email, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base().resolve("login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + email + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        var member = testMembers.register("Csrf target", "GRN");
        HttpResponse<String> forged = signInWithoutToken(member.email(), TestMembers.PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        assertThat(forged.body()).contains("This sign-in form has expired");
    }

    @Test
    void fiveWrongPasswordsThroughTheFormLockTheAccountForAMinuteAndSigningInChangesTheSessionId() throws Exception {
        var member = testMembers.register("Guessed at", "LD");
        for (int i = 0; i < 5; i++) {
            String attempt = "wrong-" + i;
            assertThatThrownBy(() -> UiSession.signIn(base(), member.email(), attempt)).hasMessageContaining("Sign-in refused");
        }
        assertThatThrownBy(() -> UiSession.signIn(base(), member.email(), TestMembers.PASSWORD)).hasMessageContaining("Sign-in refused");

        var other = testMembers.register("Fixation target", "LD");
        UiSession session = UiSession.signIn(base(), other.email(), TestMembers.PASSWORD);
        assertThat(session.sessionCookie()).isNotEqualTo(session.cookieBeforeSignIn());
    }

    /** A reset locks out whoever else knew the old password: their session is ended at its next request. */
    @Test
    void aPasswordResetEndsTheSessionsSignedInBeforeIt() throws Exception {
        var member = testMembers.register("Reset victim", "GRN");
        UiSession thief = UiSession.signIn(base(), member.email(), TestMembers.PASSWORD);
        thief.open("notifications");
        assertThat(thief.findAll(node -> "vaadin-login-form".equals(node.tag()))).as("signed in").isEmpty();
        // Signed in, but no page opened until after the reset: the time of signing in is what counts.
        UiSession idle = UiSession.signIn(base(), member.email(), TestMembers.PASSWORD);

        members.requestPasswordReset(member.email());
        members.resetPassword(Mailbox.token(db, member.email(), "reset-password"), "fresh-lantern-meadow-8");

        thief.open("notifications");
        assertThat(thief.findAll(node -> "vaadin-login-form".equals(node.tag()))).as("sent to sign in").isNotEmpty();
        idle.open("notifications");
        assertThat(idle.findAll(node -> "vaadin-login-form".equals(node.tag()))).as("the idle session too").isNotEmpty();
        UiSession owner = UiSession.signIn(base(), member.email(), "fresh-lantern-meadow-8");
        owner.open("notifications");
        owner.open("notifications");
        assertThat(owner.findAll(node -> "vaadin-login-form".equals(node.tag()))).as("signed in after the reset").isEmpty();
    }

    @Test
    void aUiRequestWithAForgedSecurityKeyChangesNothing() throws Exception {
        List<Seat> seats = BusyGroups.create(testMembers, db, groups, proposals, ballots, 1, 2);
        Seat seat = seats.getFirst();
        UiSession session = UiSession.signIn(base(), seat.email(), TestMembers.PASSWORD);
        session.open("proposals/" + seat.proposalId());
        var field = session.find(UiSession.labelled("vaadin-text-area", "Comment"));
        var post = session.find(session.withText("vaadin-button", "Post comment"));

        session.forgeSecurityKey("00000000-0000-0000-0000-000000000000");
        UiSession.Reply forged = session.fillAndClick(field, "Posted by a forged request", post);
        assertThat(forged.contains("Posted by a forged request")).isFalse();
        assertThat(db.fetchCount(db.selectFrom("comment").where("proposal_id = ?", seat.proposalId()))).isZero();
    }

    @Test
    void membersPagesMayNotBeFramedOrSniffed() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(base().resolve("login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(BaselineHeaders.MEMBERS_POLICY);
        // A public document keeps its own, stricter policy, and only that one.
        HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(base().resolve("p")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.headers().allValues("Content-Security-Policy")).singleElement().asString().startsWith("default-src 'none'");
    }
}
