package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.MEMBER;

import org.commonground.security.LoginView;
import org.commonground.security.NewMemberSignIn;
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
    @Autowired
    MemberService members;
    @Autowired
    org.commonground.party.PartyService parties;

    private void fill(RegisterView view, String email, String name, String party, String password) {
        test(view.email).setValue(email);
        test(view.displayName).setValue(name);
        Party chosen = view.party.getListDataView().getItems().filter(p -> p.code().equals(party)).findFirst().orElseThrow();
        test(view.party).selectItem(chosen.name() + " (" + chosen.code() + ")");
        test(view.password).setValue(password);
    }

    @Test
    void aNewcomerRegistersAndIsOnTheirWayToBeingSignedIn() {
        RegisterView view = navigate(RegisterView.class);
        String email = TestMembers.uniqueEmail("Newcomer");
        fill(view, email, "Newcomer", "PC", TestMembers.PASSWORD);
        test(view.register).click();
        assertThat(db.fetchExists(MEMBER, DSL.lower(MEMBER.EMAIL).eq(email))).isTrue();
        // The browser is sent on to NewMemberSignIn, which signs the session in (SignUpAndJoinGroupBrowserIT).
        assertThat(NewMemberSignIn.isPending(session())).isTrue();
    }

    private static jakarta.servlet.http.HttpSession session() {
        return com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false);
    }

    /** A taken address makes no account and signs nobody in; its owner is emailed instead. */
    @Test
    void aTakenEmailMakesNoAccountAndSignsNobodyIn() {
        String email = TestMembers.uniqueEmail("Taken");
        long labour = parties.list().stream().filter(p -> p.code().equals("LAB")).findFirst().orElseThrow().id();
        members.register(new Registration(email, "First", labour, TestMembers.PASSWORD));

        RegisterView view = navigate(RegisterView.class);
        fill(view, email.toUpperCase(), "Second", "GRN", "some-other-long-password");
        test(view.register).click();
        assertThat(view.email.isInvalid()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(NewMemberSignIn.isPending(session())).isFalse();
        assertThat(db.fetchCount(MEMBER, DSL.lower(MEMBER.EMAIL).eq(email))).isEqualTo(1);
    }

    /** The browser used to cut a long name at 100 characters without a word; now it is kept and refused at the field. */
    @Test
    void aDisplayNameOverTheLimitIsRefusedAtTheFieldAndNothingIsCreated() {
        RegisterView view = navigate(RegisterView.class);
        assertThat(view.displayName.getMaxLength()).as("no limit that cuts silently").isZero();
        String email = TestMembers.uniqueEmail("Longname");
        String name = "Rhiannon ".repeat(13).strip();
        fill(view, email, name, "PC", TestMembers.PASSWORD);
        test(view.register).click();
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(view.displayName.getErrorMessage()).isEqualTo("Display name can be at most 100 characters (this one has " + name.length() + ").");
        assertThat(view.displayName.getValue()).isEqualTo(name);
        assertThat(db.fetchExists(MEMBER, DSL.lower(MEMBER.EMAIL).eq(email))).isFalse();
        assertThat(NewMemberSignIn.isPending(session())).isFalse();
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
