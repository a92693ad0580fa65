package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Security page: setting up an authenticator app, with problems shown at the field they concern. */
@IntegrationTest
class SecurityViewTest extends ViewTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    SecondFactorService factors;

    private void click(String text) {
        test($view(Button.class).withText(text).single()).click();
    }

    @Test
    void aMemberSetsUpAnAuthenticatorAppAndGetsRecoveryCodesOnce() {
        TestMembers.signIn(testMembers.register("Careful reader", "GRN"));
        SecurityView view = navigate(SecurityView.class);
        click("Set up an authenticator app");
        byte[] secret = Totp.fromBase32(view.enrolment.secret());
        String qr = $view(Image.class).single().getSrc();
        assertThat(qr).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(java.util.Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("<svg").contains("<path fill=\"#000\" d=\"M4,4h1v1h-1z");

        test(view.code).setValue(Totp.code(secret, Totp.step(Instant.now())));
        click("Turn on");
        assertThat(view.password.getErrorMessage()).as("the right code alone is not enough").isEqualTo("That is not your password.");
        assertThat(factors.mine().authenticatorApp()).isFalse();

        test(view.password).setValue(TestMembers.PASSWORD);
        test(view.code).setValue("12345");
        click("Turn on");
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.code.getErrorMessage()).contains("current 6-digit code");
        assertThat(factors.mine().authenticatorApp()).isFalse();

        test(view.code).setValue(Totp.code(secret, Totp.step(Instant.now())));
        click("Turn on");
        assertThat(factors.mine().authenticatorApp()).isTrue();
        assertThat(view.newCodes.isVisible()).isTrue();
        assertThat(view.newCodes.getChildren().flatMap(c -> c.getChildren()).filter(ListItem.class::isInstance).count()).isEqualTo(10);

        click("Remove the authenticator app");
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("That is not your password.");
        test(view.password).setValue(TestMembers.PASSWORD);
        click("Remove the authenticator app");
        assertThat(factors.mine().authenticatorApp()).isFalse();
    }

    @Test
    void aPasskeyWithoutANameIsRefusedAtItsField() {
        TestMembers.signIn(testMembers.register("Nameless", "LAB"));
        SecurityView view = navigate(SecurityView.class);
        click("Add a passkey");
        assertThat(view.passkeyName.isInvalid()).isTrue();
        assertThat(view.passkeyName.getErrorMessage()).contains("Name the passkey");

        test(view.passkeyName).setValue("My laptop");
        click("Add a passkey");
        assertThat(view.password.isInvalid()).as("a passkey, too, is added only with the password").isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("That is not your password.");
    }
}
