package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"commonground.admin.email=Configured.Admin@Example.org",
        "commonground.admin.password=harbour-lantern-seventeen"})
class AdminBootstrapTest {

    @Autowired
    MemberRepository members;
    @Autowired
    MemberService memberService;
    @Autowired
    TestMembers testMembers;
    @Autowired
    AuthenticationManager authentication;

    @Test
    void theConfiguredAdminExistsAndCanSignIn() {
        assertThat(members.findByEmail("configured.admin@example.org")).hasValueSatisfying(m -> assertThat(m.admin()).isTrue());
        var signedIn = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("configured.admin@example.org", "harbour-lantern-seventeen"));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
    }

    @Test
    void withAnAdminConfiguredNewcomersAreNeverMadeAdmin() {
        assertThat(testMembers.register("Newcomer", "LAB").admin()).isFalse();
    }
}
