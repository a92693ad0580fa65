package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.MEMBER;

import org.commonground.security.LoginView;
import org.commonground.party.Party;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RegisterViewTest extends ViewTest {

    @Autowired
    DSLContext db;

    private void fill(RegisterView view, String email, String name, String party, String password) {
        test(view.email).setValue(email);
        test(view.displayName).setValue(name);
        Party chosen = view.party.getListDataView().getItems().filter(p -> p.code().equals(party)).findFirst().orElseThrow();
        test(view.party).selectItem(chosen.name() + " (" + chosen.code() + ")");
        test(view.password).setValue(password);
    }

    @Test
    void aNewcomerRegistersAndIsSentToSignIn() {
        RegisterView view = navigate(RegisterView.class);
        String email = TestMembers.uniqueEmail("Newcomer");
        fill(view, email, "Newcomer", "PC", TestMembers.PASSWORD);
        test(view.register).click();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(db.fetchExists(MEMBER, DSL.lower(MEMBER.EMAIL).eq(email))).isTrue();
    }

    /** A taken address is answered as a new one is (its owner is emailed instead), so the form tells nobody who is a member. */
    @Test
    void aTakenEmailIsAnsweredAsANewOneIs() {
        String email = TestMembers.uniqueEmail("Taken");
        RegisterView first = navigate(RegisterView.class);
        fill(first, email, "First", "LAB", TestMembers.PASSWORD);
        test(first.register).click();

        RegisterView view = navigate(RegisterView.class);
        fill(view, email.toUpperCase(), "Second", "GRN", "some-other-long-password");
        test(view.register).click();
        assertThat(view.email.isInvalid()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(db.fetchCount(MEMBER, DSL.lower(MEMBER.EMAIL).eq(email))).isEqualTo(1);
    }

    @Test
    void aShortPasswordIsReportedAtThePasswordField() {
        RegisterView view = navigate(RegisterView.class);
        fill(view, TestMembers.uniqueEmail("Shorty"), "Shorty", "LD", "tiny");
        test(view.register).click();
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("at least 12");
        assertThat(view.email.isInvalid()).isFalse();
    }
}
