package org.commonground.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin names a party's organiser on the parties page; the organiser confirms a member on "My party". */
@IntegrationTest
class PartyConfirmationViewsTest extends ViewTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    PartyRepository parties;

    @Test
    void anAdminNamesAnOrganiserWhoConfirmsAMemberWhoThenSeesWhoConfirmedThem() {
        SignedInMember admin = testMembers.registerAdmin("Admin");
        SignedInMember organiser = testMembers.register("Olu Organiser", "PC");
        SignedInMember member = testMembers.registerClaimed("Mari Member", "PC");

        TestMembers.signIn(member);
        PartyMembersView claimed = navigate(PartyMembersView.class);
        assertThat(claimed.standing.getText()).contains("Your party, PC, is claimed, not yet confirmed");
        assertThat(claimed.members.isVisible()).isFalse();

        TestMembers.signIn(admin);
        PartiesView partiesPage = navigate(PartiesView.class);
        OrganisersPanel panel = partiesPage.getChildren().filter(OrganisersPanel.class::isInstance).map(OrganisersPanel.class::cast)
                .findFirst().orElseThrow();
        test(panel.party).selectItem("Plaid Cymru (PC)");
        test(panel.email).setValue(member.email().replace("mari", "nobody"));
        test(panel.appoint).click();
        assertThat(panel.email.getErrorMessage()).contains("no account");
        test(panel.email).setValue(organiser.email());
        test(panel.appoint).click();
        assertThat(test(panel.organisers).size()).isEqualTo(1);
        assertThat(test(panel.organisers).getRow(0).displayName()).isEqualTo("Olu Organiser");

        TestMembers.signIn(organiser);
        PartyMembersView organising = navigate(PartyMembersView.class);
        assertThat(organising.standing.getText()).contains("confirmed member of PC").contains("one of its organisers");
        int row = rowOf(organising, member);
        ((Button) test(organising.members).getCellComponent(row, 2)).click();
        assertThat(test(organising.members).getRow(rowOf(organising, member)).confirmed()).isTrue();

        TestMembers.signIn(member);
        assertThat(navigate(PartyMembersView.class).standing.getText()).contains("confirmed by Olu Organiser");
    }

    private int rowOf(PartyMembersView view, SignedInMember member) {
        for (int i = 0; i < test(view.members).size(); i++) {
            if (test(view.members).getRow(i).memberId() == member.id()) {
                return i;
            }
        }
        throw new AssertionError(member.displayName() + " is not listed");
    }
}
