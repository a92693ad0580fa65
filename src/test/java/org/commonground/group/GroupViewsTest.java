package org.commonground.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class GroupViewsTest extends ViewTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    DelegationService delegations;

    private long createGroupThroughTheForm(String name) {
        NewGroupView form = navigate(NewGroupView.class);
        test(form.name).setValue(name);
        test(form.kind).selectItem("Local group: across parties, in one or more constituencies");
        test(form.constituencies).setValue("Bristol East (E14001132)");
        test(form.create).click();
        assertThat(getCurrentView()).isInstanceOf(GroupView.class);
        return groups.myGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** Members come for the proposals and pacts: they lead the page, and the convenors' tools come last. */
    @Test
    void theGroupPageLeadsWithProposalsAndPactsAndEndsWithTheConvenorsTools() {
        SignedInMember convenor = testMembers.register("Page order chair", "GRN");
        TestMembers.signIn(convenor);
        createGroupThroughTheForm("Page order town " + convenor.id());

        java.util.List<String> sections = getCurrentView().getElement().getChildren()
                .filter(e -> e.getTag().equals("h3")).map(com.vaadin.flow.dom.Element::getText).toList();
        assertThat(sections.getFirst()).isEqualTo("Proposals and pacts");
        assertThat(sections).containsSubsequence("Proposals and pacts", "Constituencies", "Members (1)", "Convenor tools");
        assertThat(sections.getLast()).isIn("Convenor tools", "Record");
    }

    @Test
    void aConvenorCreatesAGroupAndApprovesARequestFromItsPage() {
        SignedInMember convenor = testMembers.register("Chair", "GRN");
        SignedInMember joiner = testMembers.registerClaimed("Newbie", "LAB");
        TestMembers.signIn(convenor);
        long group = createGroupThroughTheForm("East Bristol Alliance " + convenor.id());

        TestMembers.signIn(joiner);
        groups.requestToJoin(group);

        TestMembers.signIn(convenor);
        navigate(GroupView.class, Map.of("groupId", String.valueOf(group)));
        // The convenor sees, before approving, that Labour has not confirmed the applicant's claim to be Labour.
        assertThat($(Span.class).all()).as("the request's note")
                .anyMatch(note -> note.getText().startsWith("asked ") && note.getText().endsWith(" · LAB claimed, not confirmed by the party"));
        Button approve = $(Button.class).withText("Approve").single();
        test(approve).click();

        TestMembers.signIn(joiner);
        assertThat(groups.details(group).summary().myStatus()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void aPartysDelegateAppointsAnotherOnTheGroupPageWhereAConvenorOfAnotherPartyOnlyReads() {
        SignedInMember convenor = testMembers.register("Delegation chair", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Delegation town " + convenor.id(), GroupKind.LOCAL, null, "Bristol East (E14001132)"));
        SignedInMember delegate = testMembers.joined(groups, group, convenor, "Green delegate", "GRN");
        SignedInMember member = testMembers.joined(groups, group, convenor, "Green member", "GRN");
        testMembers.joinedClaiming(groups, group, convenor, "Green claimant", "GRN");
        testMembers.appointDelegate(group, delegate);

        TestMembers.signIn(convenor);
        navigate(GroupView.class, Map.of("groupId", String.valueOf(group)));
        assertThat(greenCard().getElement().getOuterHTML()).contains("Green delegate").contains("Only claiming GRN").contains("Green claimant");
        assertThat($(Button.class).withText("Appoint").all()).as("Labour's convenor has no say over Green delegates").isEmpty();

        TestMembers.signIn(delegate);
        navigate(GroupView.class, Map.of("groupId", String.valueOf(group)));
        // Appointing nobody is refused where it was asked.
        test($(Button.class).withText("Appoint").single()).click();
        Select<?> candidate = $(Select.class).all().stream().filter(s -> "Appoint a GRN delegate".equals(s.getLabel())).findFirst().orElseThrow();
        assertThat(candidate.getErrorMessage()).contains("Choose a confirmed member");
        test($(Select.class).all().stream().filter(s -> "Appoint a GRN delegate".equals(s.getLabel())).findFirst().orElseThrow())
                .selectItem("Green member");
        test($(Button.class).withText("Appoint").single()).click();
        assertThat(greenCard().getElement().getOuterHTML()).contains("Remove Green member as GRN delegate");
        TestMembers.signIn(convenor);
        assertThat(delegations.delegations(group)).filteredOn(p -> p.partyCode().equals("GRN")).singleElement()
                .satisfies(p -> assertThat(p.delegates()).extracting(DelegationMember::memberId).contains(member.id()));
    }

    private Div greenCard() {
        return $(Div.class).all().stream().filter(d -> "GRN".equals(d.getElement().getAttribute("data-party"))).findFirst().orElseThrow();
    }

    @Test
    void aDuplicateGroupNameIsReportedAtTheNameField() {
        SignedInMember member = testMembers.register("Repeater", "LD");
        TestMembers.signIn(member);
        String name = "Twice " + member.id();
        createGroupThroughTheForm(name);
        NewGroupView form = navigate(NewGroupView.class);
        test(form.name).setValue(name.toUpperCase());
        test(form.kind).selectItem("Alliance: a national cross-party body");
        test(form.create).click();
        assertThat(getCurrentView()).isSameAs(form);
        assertThat(form.name.getErrorMessage()).contains("already a group");
    }

    @Test
    void myGroupsListsTheGroupsAndTheNavigationHidesAdministrationFromMembers() {
        testMembers.register("Someone first", "NONE"); // whoever registers first becomes admin
        SignedInMember member = testMembers.register("Lister", "WEP");
        TestMembers.signIn(member);
        long group = createGroupThroughTheForm("Listed " + member.id());
        navigate(GroupsView.class);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("groups/" + group);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("My groups", "Find a group").doesNotContain("Parties", "Administration");
    }
}
