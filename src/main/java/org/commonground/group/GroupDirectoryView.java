package org.commonground.group;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.security.CurrentMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

@Route("groups/browse")
@PageTitle("Find a group · Common Ground")
@PermitAll
public class GroupDirectoryView extends VerticalLayout {

    private final GroupService groups;
    private final long myPartyId;
    private final TextField filter = new TextField();
    private final Div cards = new Div();
    private final Paragraph noMatch = new Paragraph("No group matches.");

    public GroupDirectoryView(GroupService groups, CurrentMember currentMember) {
        this.groups = groups;
        this.myPartyId = currentMember.require().partyId();
        addClassName("cg-page");
        filter.setPlaceholder("Filter by name or description");
        filter.setAriaLabel("Filter groups");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setMaxLength(100);
        filter.setWidth("min(28rem, 100%)");
        filter.addValueChangeListener(e -> applyFilter());
        cards.addClassName("cg-cards");
        add(new H2("Find a group"), filter, cards);
        reload();
    }

    private void reload() {
        cards.removeAll();
        for (GroupSummary g : groups.directory()) {
            GroupCard card = g.myStatus() == null && mayJoin(g) ? new GroupCard(g, joinButton(g)) : new GroupCard(g);
            cards.add(card);
        }
        cards.add(noMatch);
        applyFilter();
    }

    /**
     * Hides cards rather than rebuilding them: a click on "Ask to join" that arrives together with the filter's
     * last keystroke must still find its button.
     */
    private void applyFilter() {
        String q = filter.getValue().strip().toLowerCase(Locale.ROOT);
        long shown = cards.getChildren().filter(c -> c instanceof GroupCard).map(GroupCard.class::cast).filter(card -> {
            boolean matches = card.matches(q);
            card.setVisible(matches);
            return matches;
        }).count();
        noMatch.setVisible(shown == 0);
    }

    /** Party groups take only that party's members, so others are not offered the button. */
    private boolean mayJoin(GroupSummary group) {
        return group.partyId() == null || group.partyId() == myPartyId;
    }

    private Button joinButton(GroupSummary group) {
        Button join = new Button("Ask to join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        join.setDisableOnClick(true);
        join.addClickListener(e -> {
            try {
                groups.requestToJoin(group.id());
                Forms.success("Your request to join " + group.name() + " is with its convenors.");
            } catch (InvalidInputException problem) {
                Forms.error(problem.getMessage());
            }
            reload();
        });
        return join;
    }
}
