package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The step after "Create account": it signs in only the session that made the account, once, and never another's. */
@IntegrationTest
class NewMemberSignInTest {

    @Autowired
    MemberDetailsService members;
    @Autowired
    TestMembers testMembers;
    @Autowired
    Clock clock;

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private MockHttpServletRequest arriving(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/welcome");
        request.setSession(session);
        return request;
    }

    private static String signedInAs(MockHttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context == null ? null : ((SignedInMember) ((SecurityContext) context).getAuthentication().getPrincipal()).getUsername();
    }

    @Test
    void theSessionThatMadeTheAccountIsSignedInOnceAndOnlyWhileTheNoteIsFresh() throws Exception {
        SignedInMember newcomer = testMembers.register("Newcomer", "GRN");
        NewMemberSignIn welcome = new NewMemberSignIn(members, clock);

        MockHttpSession session = new MockHttpSession();
        session.setAttribute(NewMemberSignIn.PENDING, new NewMemberSignIn.Pending(newcomer.getUsername(), clock.instant().plusSeconds(60)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        welcome.signIn(arriving(session), response);
        assertThat(response.getRedirectedUrl()).isEqualTo("/verify-email");
        assertThat(signedInAs(session)).isEqualTo(newcomer.getUsername());

        MockHttpSession replayed = new MockHttpSession();
        MockHttpServletResponse again = new MockHttpServletResponse();
        welcome.signIn(arriving(replayed), again);
        assertThat(again.getRedirectedUrl()).as("no note, no sign-in").isEqualTo("/login");

        MockHttpSession late = new MockHttpSession();
        late.setAttribute(NewMemberSignIn.PENDING, new NewMemberSignIn.Pending(newcomer.getUsername(), clock.instant().minus(Duration.ofSeconds(1))));
        welcome.signIn(arriving(late), new MockHttpServletResponse());
        assertThat(signedInAs(late)).as("a stale note signs nobody in").isNull();
    }

    @Test
    void aSessionSignedInSinceIsNeverSwappedForTheNewAccount() throws Exception {
        SignedInMember newcomer = testMembers.register("Left the browser", "GRN");
        SignedInMember other = testMembers.register("Signed in since", "LAB");
        NewMemberSignIn welcome = new NewMemberSignIn(members, clock);

        MockHttpSession shared = new MockHttpSession();
        shared.setAttribute(NewMemberSignIn.PENDING, new NewMemberSignIn.Pending(newcomer.getUsername(), clock.instant().plusSeconds(60)));
        SecurityContext otherContext = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        otherContext.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));
        shared.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, otherContext);

        welcome.signIn(arriving(shared), new MockHttpServletResponse());
        assertThat(signedInAs(shared)).isEqualTo(other.getUsername());
        assertThat(NewMemberSignIn.isPending(shared)).as("the note is spent").isFalse();
    }
}
