package org.commonground.group;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who speaks for each party in a group: its delegates, its other confirmed members, and those who only claim it
 * (counted nowhere). The party's organisers and delegates appoint and remove its delegates here.
 */
class PartyDelegationsPanel extends Div {

    private final DelegationService delegations;
    private final Runnable changed;

    PartyDelegationsPanel(DelegationService delegations, String heading, String intro, List<PartyDelegation> parties, boolean namedByGroup,
                          Runnable changed) {
        this.delegations = delegations;
        this.changed = changed;
        addClassName("cg-section");
        add(new H3(heading), new Paragraph(intro));
        if (!namedByGroup && !parties.isEmpty()) {
            // The elections are the ballot feature's page: linked by address, as ballots depend on groups.
            Anchor elections = new Anchor("groups/" + parties.getFirst().groupId() + "/elections", "Elections of delegates");
            elections.addClassName("cg-section-link");
            add(elections);
        }
        if (parties.isEmpty()) {
            add(new Paragraph("No party has members here yet."));
        }
        parties.forEach(p -> add(party(p, namedByGroup)));
    }

    private Div party(PartyDelegation p, boolean namedByGroup) {
        Div box = new Div();
        box.addClassName("cg-card");
        box.getElement().setAttribute("data-party", p.partyCode());
        // The party's marker is the heading on a group's page; on an organiser's page, the group is.
        box.add(namedByGroup ? new H4(p.groupName()) : new H4(PartyMarker.of(p.partyCode(), p.partyColour())));
        Span problem = new Span();
        problem.addClassName("cg-error");
        problem.getElement().setAttribute("role", "alert");
        if (p.delegates().isEmpty()) {
            box.add(new Paragraph("Delegates: none yet. Until " + p.partyCode() + " has one here, a pact naming it cannot go to ratification."));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("cg-delegates");
            for (DelegationMember d : p.delegates()) {
                ListItem item = new ListItem(new Span(d.displayName()));
                if (p.mayChange()) {
                    Button remove = new Button("Remove", e -> act(() -> delegations.remove(p.groupId(), d.memberId()), problem));
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    remove.getElement().setAttribute("aria-label", "Remove " + d.displayName() + " as " + p.partyCode() + " delegate");
                    item.add(remove);
                }
                list.add(item);
            }
            box.add(new Paragraph("Delegates:"), list);
        }
        box.add(new Paragraph("Other members " + p.partyCode() + " has confirmed: " + names(p.confirmed())));
        if (!p.claimed().isEmpty()) {
            box.add(new Paragraph("Only claiming " + p.partyCode() + " (not counted for it until its organisers confirm them): " + names(p.claimed())));
        }
        if (p.mayChange() && !p.confirmed().isEmpty()) {
            Select<DelegationMember> candidate = new Select<>();
            candidate.setLabel("Appoint a " + p.partyCode() + " delegate");
            candidate.setItems(p.confirmed());
            candidate.setItemLabelGenerator(DelegationMember::displayName);
            Button appoint = new Button("Appoint", e -> {
                if (candidate.getValue() == null) {
                    candidate.setInvalid(true);
                    candidate.setErrorMessage("Choose a confirmed member to appoint.");
                    return;
                }
                act(() -> delegations.appoint(p.groupId(), candidate.getValue().memberId()), problem);
            });
            appoint.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            FlexLayout row = new FlexLayout(candidate, appoint);
            row.setAlignItems(Alignment.BASELINE);
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.addClassName("cg-actions");
            box.add(row);
        }
        box.add(problem);
        return box;
    }

    private static String names(List<DelegationMember> people) {
        return people.isEmpty() ? "none" : people.stream().map(DelegationMember::displayName).collect(Collectors.joining(", "));
    }

    private void act(Runnable action, Span problem) {
        try {
            action.run();
            changed.run();
        } catch (InvalidInputException | AccessDeniedException refused) {
            problem.setText(refused.getMessage());
        }
    }
}
