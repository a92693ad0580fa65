package org.commonground.party;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

/**
 * The root of each party's trust: the admin names its first organisers, people the party named to the operator.
 * They then confirm the party's members.
 */
class OrganisersPanel extends VerticalLayout {

    private final PartyConfirmationService confirmations;
    final Select<Party> party = new Select<>();
    final EmailField email = new EmailField("Organiser's email");
    final Button appoint = new Button("Appoint organiser");
    final Grid<PartyStanding> organisers = new Grid<>();

    OrganisersPanel(PartyConfirmationService confirmations, PartyService parties) {
        this.confirmations = confirmations;
        setPadding(false);
        party.setLabel("Party");
        party.setItems(parties.list().stream().filter(p -> !PartyStanding.NON_PARTY.equals(p.code())).toList());
        party.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        party.addValueChangeListener(e -> show());
        email.setHelperText("The address the party gave you; the person must have an account, of that party, with the address verified.");
        email.setMaxLength(254);
        appoint.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        appoint.addClickListener(e -> appoint());
        organisers.addColumn(PartyStanding::displayName).setHeader("Organiser");
        organisers.addColumn(PartyStanding::email).setHeader("Email");
        organisers.addComponentColumn(o -> {
            Button remove = new Button("Remove", e -> {
                confirmations.removeOrganiser(o.partyCode(), o.memberId());
                Forms.success(o.displayName() + " no longer organises " + o.partyCode() + ".");
                show();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", "Remove " + o.displayName() + " as organiser");
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        organisers.setAllRowsVisible(true);
        HorizontalLayout form = new HorizontalLayout(party, email, appoint);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H3("Party organisers"), new Paragraph("Each party confirms its own members. Name its first organisers here, "
                + "as the party asked; they, and the convenors of the party's groups, confirm the rest."), form, organisers);
        show();
    }

    private void show() {
        organisers.setVisible(party.getValue() != null);
        if (party.getValue() != null) {
            organisers.setItems(confirmations.organisers(party.getValue().code()));
        }
    }

    private void appoint() {
        Forms.clear(party, email);
        try {
            confirmations.appointOrganiser(party.getValue() == null ? null : party.getValue().code(), email.getValue());
            Forms.success(email.getValue() + " now organises " + party.getValue().code() + ".");
            email.clear();
            show();
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("party", party, "email", email));
        }
    }
}
