package org.commonground.party;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

/**
 * A member's own party standing (claimed or confirmed, and by whom), who organises the party here, and for its
 * confirmers the party's members, to confirm or to withdraw with a reason.
 */
@Route("party")
@PageTitle("My party · Common Ground")
@PermitAll
public class PartyMembersView extends VerticalLayout implements BeforeEnterObserver {

    private final PartyConfirmationService confirmations;
    final Paragraph standing = new Paragraph();
    final Paragraph organisers = new Paragraph();
    final Grid<PartyStanding> members = new Grid<>();
    private final H3 membersTitle = new H3();
    /** The delegations page is the group feature's; linked by its address, as party does not depend on group. */
    private final Anchor delegationsLink = new Anchor("party/delegations", "Your party's delegates in each group");
    private long me;

    public PartyMembersView(PartyConfirmationService confirmations) {
        this.confirmations = confirmations;
        addClassName("cg-page");
        // Two text columns and the action, so that a phone shows the button without scrolling sideways.
        members.addComponentColumn(m -> {
            Div who = new Div(new Div(m.displayName()), new Div(m.email()));
            who.getChildren().skip(1).forEach(email -> email.getElement().getStyle().set("color", "var(--cg-muted)")
                    .set("overflow-wrap", "anywhere"));
            return who;
        }).setHeader("Member").setFlexGrow(2);
        members.addColumn(PartyStanding::status).setHeader("Party").setFlexGrow(2);
        members.addComponentColumn(this::action).setHeader("").setAutoWidth(true).setFlexGrow(0);
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        members.setAllRowsVisible(true);
        delegationsLink.addClassName("cg-section-link");
        add(new H2("My party"), standing, organisers, delegationsLink, membersTitle, members);
    }

    /** Read at every visit: a confirmation may have come since the page was made. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        PartyStanding mine = confirmations.myStanding();
        me = mine.memberId();
        if (mine.nonParty()) {
            standing.setText("You registered as non-party, so there is no party to confirm.");
        } else if (mine.confirmed()) {
            standing.setText("You are a confirmed member of " + mine.partyCode() + ": confirmed by " + mine.confirmedBy()
                    + " on " + Dates.day(mine.confirmedAt()) + (mine.organiser() ? ". You are one of its organisers." : "."));
        } else {
            standing.setText("Your party, " + mine.partyCode() + ", is claimed, not yet confirmed. One of its organisers confirms it: "
                    + "each party speaks for its own members.");
        }
        List<String> names = mine.nonParty() ? List.of() : confirmations.organisers(mine.partyCode()).stream().map(PartyStanding::displayName).toList();
        organisers.setVisible(!mine.nonParty());
        organisers.setText(names.isEmpty() ? mine.partyCode() + " has no organisers here yet: the operator names its first ones."
                : mine.partyCode() + "'s organisers: " + String.join(", ", names) + ".");
        boolean confirmer = confirmations.mayConfirm();
        delegationsLink.setVisible(confirmer);
        membersTitle.setVisible(confirmer);
        members.setVisible(confirmer);
        if (confirmer) {
            membersTitle.setText(mine.partyCode() + " members to confirm");
            members.setItems(confirmations.membersToConfirm());
        }
    }

    private Component action(PartyStanding member) {
        if (member.memberId() == me || member.organiser()) {
            return new Span(member.organiser() ? "Organiser" : "");
        }
        if (!member.confirmed()) {
            Button confirm = new Button("Confirm", e -> {
                try {
                    confirmations.confirm(member.memberId());
                    Forms.success(member.displayName() + " is confirmed as " + member.partyCode() + ".");
                } catch (InvalidInputException problem) {
                    Forms.error(problem.messageFor("member"));
                }
                show();
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            confirm.getElement().setAttribute("aria-label", "Confirm " + member.displayName());
            return confirm;
        }
        Button withdraw = new Button("Withdraw", e -> askWhy(member));
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        withdraw.getElement().setAttribute("aria-label", "Withdraw the confirmation of " + member.displayName());
        return withdraw;
    }

    private void askWhy(PartyStanding member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Withdraw " + member.displayName() + "'s confirmation");
        TextArea reason = new TextArea("Why");
        reason.setHelperText("The record keeps it.");
        reason.setWidthFull();
        Button withdraw = new Button("Withdraw confirmation", e -> {
            Forms.clear(reason);
            try {
                confirmations.revoke(member.memberId(), reason.getValue());
                dialog.close();
                Forms.success(member.displayName() + "'s party is claimed again.");
                show();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("reason", reason));
                if (problem.messageFor("member") != null) {
                    Forms.error(problem.messageFor("member"));
                }
            }
        });
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), withdraw);
        dialog.open();
    }
}
