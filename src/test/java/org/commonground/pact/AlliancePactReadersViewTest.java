package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.CONSTITUENCY;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.live.LiveEvents;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Through the pages: an alliance's convenor asks a local group of the pact's seat to read it ("Invite as reader"),
 * the group's convenor accepts from the group's pacts list, the pact page lists the reading group apart from the
 * groups in the pact, and its members open the page and follow it live; a member of a group that only lists the
 * same seat gets "not found" and listens to nothing.
 */
@IntegrationTest
class AlliancePactReadersViewTest extends ViewTest {

    @Autowired
    PactService pacts;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    LiveEvents live;
    @Autowired
    DSLContext db;

    SignedInMember allianceConvenor;
    SignedInMember readerConvenor;
    SignedInMember readerMember;
    SignedInMember outsider;
    long readers;
    String readersName;
    long pact;

    @BeforeEach
    void anAlliancePactAndTheLocalGroupsOfItsSeat() {
        db.insertInto(CONSTITUENCY).set(CONSTITUENCY.ONS_CODE, PactServiceTest.ALDERSHOT).set(CONSTITUENCY.NAME, "Aldershot").onConflictDoNothing().execute();
        allianceConvenor = testMembers.register("Alliance lead", "LAB");
        TestMembers.signIn(allianceConvenor);
        long alliance = groups.create(new NewGroup("Reading alliance " + allianceConvenor.id(), GroupKind.ALLIANCE, null, ""));
        pact = pacts.start(alliance, "Tapir framework", List.of(PactServiceTest.ALDERSHOT), null);
        readerConvenor = testMembers.register("Reading chair", "GRN");
        TestMembers.signIn(readerConvenor);
        readersName = "Reading town " + readerConvenor.id();
        readers = groups.create(new NewGroup(readersName, GroupKind.LOCAL, null, "Aldershot (" + PactServiceTest.ALDERSHOT + ")"));
        readerMember = testMembers.joined(groups, readers, readerConvenor, "Reading member", "LD");
        outsider = testMembers.register("Listing outsider", "GRN");
        TestMembers.signIn(outsider);
        groups.create(new NewGroup("Listing town " + outsider.id(), GroupKind.LOCAL, null, "Aldershot (" + PactServiceTest.ALDERSHOT + ")"));
    }

    private static boolean shows(Component root, String text) {
        return root.getElement().getOuterHTML().contains(text);
    }

    @SuppressWarnings("unchecked")
    private Select<Object> readerChoice() {
        return $view(Select.class).all().stream().filter(s -> "Ask a local group of its seats to read it".equals(s.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void askedAcceptedReadAndFollowedLiveThroughThePagesNotByAGroupOnlyListingTheSeat() {
        TestMembers.signIn(allianceConvenor);
        PactView page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        // Asking nobody says so at the field, and writes nothing.
        test($view(Button.class).withText("Invite as reader").single()).click();
        assertThat(readerChoice().getErrorMessage()).contains("Choose the group to ask");
        test(readerChoice()).selectItem(readersName);
        test($view(Button.class).withText("Invite as reader").single()).click();
        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "Local groups reading it")).isTrue();
        assertThat(shows(page, readersName + "</a><span> · invited to read")).isTrue();

        TestMembers.signIn(readerConvenor);
        GroupPactsView list = navigate(GroupPactsView.class, Map.of("groupId", String.valueOf(readers)));
        assertThat(shows(list, "Invitations to read an alliance's pact")).isTrue();
        assertThat(shows(list, "Invitations to join a pact")).isFalse();
        test($view(Button.class).withText("Accept").single()).click();
        assertThat(shows(list, "Invitations to read an alliance's pact")).isFalse();

        TestMembers.signIn(readerMember);
        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "Tapir framework")).isTrue();
        assertThat(shows(page, readersName + "</a><span> · reads and comments, accepted by Reading chair")).isTrue();
        assertThat(live.listeners("pact", pact)).as("the reader's page follows the pact live").isPositive();
        navigate(GroupPactsView.class, Map.of("groupId", String.valueOf(readers)));
        assertThat(live.listeners("pact", pact)).isZero();

        TestMembers.signIn(outsider);
        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "Pact not found")).isTrue();
        assertThat(shows(page, "Tapir")).isFalse();
        assertThat(live.listeners("pact", pact)).as("a page that refused the pact listens to nothing").isZero();

        // The reading group's convenor stops reading from the pact's page; its members then get "not found" too.
        TestMembers.signIn(readerConvenor);
        navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        test($view(Button.class).withText("Stop reading").single()).click();
        TestMembers.signIn(readerMember);
        page = navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat(shows(page, "Pact not found")).isTrue();
    }
}
