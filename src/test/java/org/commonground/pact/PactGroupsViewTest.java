package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the pact's page, its groups: the home group's convenor invites another local group, whose convenor accepts
 * from their group's pacts list and can take the group out again from the pact's page.
 */
@IntegrationTest
class PactGroupsViewTest extends ViewTest {

    @Autowired
    PactService pacts;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    SignedInMember homeConvenor;
    SignedInMember bristolConvenor;
    long bristol;
    String bristolName;
    long pact;

    @BeforeEach
    void aPactAndAnotherLocalGroup() {
        homeConvenor = testMembers.register("Home chair", "LAB");
        TestMembers.signIn(homeConvenor);
        long home = groups.create(new NewGroup("Invite town " + homeConvenor.id(), GroupKind.LOCAL, null, "Aldershot (" + PactServiceTest.ALDERSHOT + ")"));
        pact = pacts.start(home, "Giraffe accord", List.of(PactServiceTest.ALDERSHOT), null);
        bristolConvenor = testMembers.register("Bristol chair", "GRN");
        TestMembers.signIn(bristolConvenor);
        bristolName = "Invited town " + bristolConvenor.id();
        bristol = groups.create(new NewGroup(bristolName, GroupKind.LOCAL, null, "Bristol Central (" + PactServiceTest.BRISTOL + ")"));
    }

    private static boolean shows(Component root, String text) {
        return root.getElement().getOuterHTML().contains(text);
    }

    @SuppressWarnings("unchecked")
    private Select<Object> groupChoice() {
        return $view(Select.class).all().stream().filter(s -> "Invite a local group".equals(s.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void invitedAcceptedAndLeftThroughThePages() {
        TestMembers.signIn(homeConvenor);
        PactView page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "Groups in this pact")).isTrue();
        // Inviting nobody says so at the field, and writes nothing.
        test($view(Button.class).withText("Invite").single()).click();
        assertThat(groupChoice().getErrorMessage()).contains("Choose the group to invite");
        test(groupChoice()).selectItem(bristolName);
        test($view(Button.class).withText("Invite").single()).click();
        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, bristolName + "</a><span> · invited")).isTrue();

        TestMembers.signIn(bristolConvenor);
        GroupPactsView list = navigate(GroupPactsView.class, Map.of("groupId", String.valueOf(bristol)));
        assertThat(shows(list, "Invitations to join a pact")).isTrue();
        test($view(Button.class).withText("Accept").single()).click();
        assertThat(shows(list, "Invitations to join a pact")).isFalse();
        assertThat(shows(list, "Giraffe accord")).as("listed among the group's own pacts").isTrue();

        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "joined, accepted by Bristol chair")).isTrue();
        test($view(Button.class).withText("Leave the pact").single()).click();
        // Out of the pact, its page is "not found" to them, as to anyone outside its groups, and listens to nothing.
        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "Pact not found")).isTrue();
        assertThat(shows(page, "Giraffe accord")).isFalse();
        TestMembers.signIn(homeConvenor);
        assertThat(pacts.details(pact).groups()).extracting(PactGroup::part).doesNotContain(PactGroupPart.JOINED);
    }
}
