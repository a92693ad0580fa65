package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.commonground.security.LoginView;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Mailbox;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

@IntegrationTest
class PasswordResetViewsTest extends ViewTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;
    @Autowired
    AuthenticationManager authentication;

    private ResetPasswordView openResetLink(String token) {
        UI.getCurrent().navigate(ResetPasswordView.class, QueryParameters.of("token", token));
        return (ResetPasswordView) getCurrentView();
    }

    @Test
    void aMemberResetsAForgottenPasswordThroughTheEmailedLink() {
        String email = testMembers.register("Forgetful", "GRN").email();
        TestMembers.signOut();

        ForgotPasswordView forgot = navigate(ForgotPasswordView.class);
        test(forgot.email).setValue(email);
        test(forgot.send).click();
        assertThat(forgot.sent.isVisible()).isTrue();
        assertThat(forgot.sent.getText()).contains("on its way");

        String token = Mailbox.token(db, email, "reset-password");
        ResetPasswordView reset = openResetLink(token);
        assertThat(reset.password.isVisible()).isTrue();
        test(reset.password).setValue("short");
        test(reset.save).click();
        assertThat(reset.password.getErrorMessage()).contains("at least 12");

        test(reset.password).setValue("meadow-compass-river-8");
        test(reset.save).click();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "meadow-compass-river-8"))
                .isAuthenticated()).isTrue();

        ResetPasswordView again = openResetLink(token);
        assertThat(again.password.isVisible()).as("a used link offers no form").isFalse();
        assertThat(again.status.getText()).contains("expired or was already used");
    }

    @Test
    void aMalformedAddressIsReportedAtTheField() {
        ForgotPasswordView forgot = navigate(ForgotPasswordView.class);
        test(forgot.email).setValue("not-an-address");
        test(forgot.send).click();
        assertThat(forgot.email.isInvalid()).isTrue();
        assertThat(forgot.sent.isVisible()).isFalse();
    }
}
