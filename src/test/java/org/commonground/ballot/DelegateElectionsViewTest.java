package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DelegateElectionsViewTest extends ViewTest {

    @Autowired
    BallotService ballots;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    @Test
    void aConfirmedMemberPutsThemselvesToTheirPartysVoteAndLandsOnTheBallot() {
        SignedInMember convenor = testMembers.register("Elections chair", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Elections town " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        SignedInMember green = testMembers.joined(groups, group, convenor, "Standing green", "GRN");

        TestMembers.signIn(green);
        navigate(DelegateElectionsView.class, Map.of("groupId", String.valueOf(group)));
        // Choosing nobody is refused where it was asked.
        test($view(Button.class).withText("Open the election").single()).click();
        Select<?> candidate = $view(Select.class).single();
        assertThat(candidate.getErrorMessage()).isEqualTo("Choose who stands.");
        assertThat(ballots.elections(group)).isEmpty();

        test($view(Select.class).single()).selectItem("Standing green");
        test($view(Button.class).withText("Open the election").single()).click();
        ConfirmDialog question = $(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Open the election of Standing green?");
        assertThat(ballots.elections(group)).as("nothing opens before the member confirms").isEmpty();
        test(question).confirm();
        assertThat(getCurrentView()).isInstanceOf(BallotView.class);
        assertThat(ballots.elections(group)).singleElement().satisfies(e -> {
            assertThat(e.partyCode()).isEqualTo("GRN");
            assertThat(e.candidateId()).isEqualTo(green.id());
            assertThat(e.open()).isTrue();
        });
    }
}
