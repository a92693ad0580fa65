package org.commonground.group;

import java.util.List;
import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

@Route("groups")
@RouteAlias("")
@PageTitle("My groups · Common Ground")
@PermitAll
public class GroupsView extends VerticalLayout {

    private final GroupService groups;
    private final Div invitations = new Div();
    private final Div mine = new Div();

    public GroupsView(GroupService groups) {
        this.groups = groups;
        addClassName("cg-page");
        invitations.addClassName("cg-cards");
        mine.addClassName("cg-cards");
        add(new H2("My groups"), invitations, mine);
        refresh();
    }

    private void refresh() {
        invitations.removeAll();
        for (Invitation invitation : groups.myInvitations()) {
            invitations.add(invitationCard(invitation));
        }
        mine.removeAll();
        List<GroupSummary> myGroups = groups.myGroups();
        if (myGroups.isEmpty()) {
            Paragraph empty = new Paragraph("You are not in any group yet. ");
            empty.add(new Anchor("groups/browse", "Find a group to join"), new Span(" or "), new Anchor("groups/new", "start one"), new Span("."));
            empty.addClassName("cg-empty");
            mine.add(empty);
        }
        for (GroupSummary group : myGroups) {
            if (group.myStatus() == MembershipStatus.REQUESTED) {
                Button withdraw = new Button("Withdraw request", e -> {
                    groups.withdrawRequest(group.id());
                    refresh();
                });
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                mine.add(new GroupCard(group, withdraw));
            } else {
                mine.add(new GroupCard(group));
            }
        }
    }

    private Div invitationCard(Invitation invitation) {
        Div card = new Div();
        card.addClassNames("cg-card", "cg-invitation");
        card.add(new Paragraph(invitation.invitedBy() + " invited you to join " + invitation.groupName()
                + " (" + invitation.groupKind().label() + ")."));
        Button accept = new Button("Accept", e -> act(() -> groups.acceptInvitation(invitation.id()), "You joined " + invitation.groupName() + "."));
        accept.setDisableOnClick(true);
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button decline = new Button("Decline", e -> act(() -> groups.declineInvitation(invitation.id()), "Invitation declined."));
        decline.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div actions = new Div(accept, decline);
        actions.addClassName("cg-card-footer");
        card.add(actions);
        return card;
    }

    private void act(BooleanSupplier action, String success) {
        try {
            if (action.getAsBoolean()) {
                Forms.success(success);
            } else {
                Forms.error("That invitation was already answered.");
            }
        } catch (InvalidInputException problem) {
            Forms.error(problem.getMessage());
        }
        refresh();
    }
}
