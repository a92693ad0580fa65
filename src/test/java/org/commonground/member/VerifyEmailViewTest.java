package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.commonground.group.GroupsView;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Mailbox;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member who has not verified their address is held on the page that says how, until the emailed link is followed. */
@IntegrationTest
class VerifyEmailViewTest extends ViewTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    private VerifyEmailView openLink(String token) {
        UI.getCurrent().navigate(VerifyEmailView.class, QueryParameters.of("token", token));
        return (VerifyEmailView) getCurrentView();
    }

    @Test
    void everyPageLeadsToTheVerifyPageUntilTheLinkIsFollowed() {
        SignedInMember newcomer = testMembers.registerUnverified("Newcomer", "GRN");
        TestMembers.signIn(newcomer);

        UI.getCurrent().navigate(GroupsView.class);
        assertThat(getCurrentView()).isInstanceOf(VerifyEmailView.class);
        VerifyEmailView waiting = (VerifyEmailView) getCurrentView();
        assertThat(waiting.title.getText()).isEqualTo("Check your inbox");
        assertThat(waiting.explanation.getText()).contains("We sent a link to " + newcomer.email());
        test(waiting.resend).click();
        assertThat(waiting.status.getText()).contains("less than a minute ago");

        VerifyEmailView verified = openLink(Mailbox.token(db, newcomer.email(), "verify-email"));
        assertThat(verified.title.getText()).isEqualTo("Your address is verified");
        assertThat(verified.resend.isVisible()).isFalse();

        UI.getCurrent().navigate(GroupsView.class);
        assertThat(getCurrentView()).isInstanceOf(GroupsView.class);
    }

    @Test
    void aUsedLinkSaysSoAndOffersANewOneToTheSignedInMember() {
        SignedInMember newcomer = testMembers.registerUnverified("Twice", "LAB");
        String token = Mailbox.token(db, newcomer.email(), "verify-email");
        TestMembers.signOut();
        assertThat(openLink(token).title.getText()).isEqualTo("Your address is verified");

        VerifyEmailView again = openLink(token);
        assertThat(again.title.getText()).isEqualTo("This link does not work");
        assertThat(again.explanation.getText()).contains("expired or was used already");
        assertThat(again.resend.isVisible()).as("a visitor is sent to sign in instead").isFalse();
    }
}
