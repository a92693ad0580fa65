package org.commonground.party;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;

/**
 * Admins add parties and correct their names and colours (codes are permanent: other records cite them), and name
 * each party's first organisers.
 */
@Route("admin/parties")
@PageTitle("Parties · Common Ground")
@RolesAllowed("ADMIN")
public class PartiesView extends VerticalLayout {

    private final PartyService parties;
    private final Grid<Party> grid = new Grid<>();
    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextField colour = new TextField("Colour");
    final Button save = new Button("Add party");
    private final H3 formTitle = new H3("Add a party");
    private Party editing;

    public PartiesView(PartyService parties, PartyConfirmationService confirmations) {
        this.parties = parties;
        addClassName("cg-page");
        grid.addComponentColumn(p -> {
            return PartyMarker.of(p.code(), p.colour());
        }).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Party::name).setHeader("Name");
        grid.addColumn(Party::colour).setHeader("Colour").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        code.setMaxLength(10);
        code.setHelperText("2–10 capital letters or digits, e.g. GRN. Cannot change later.");
        name.setMaxLength(100);
        colour.setMaxLength(7);
        colour.setPlaceholder("#02A95B");
        colour.setHelperText("A hex colour; shown beside the code, never alone.");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button("New party", e -> grid.asSingleSelect().clear());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        FormLayout form = new FormLayout(code, name, colour);
        form.setMaxWidth("40rem");
        add(new H2("Parties"), grid, formTitle, form, new HorizontalLayout(save, cancel), new OrganisersPanel(confirmations, parties));
        grid.setItems(parties.list());
    }

    private void edit(Party party) {
        editing = party;
        Forms.clear(code, name, colour);
        code.setValue(party == null ? "" : party.code());
        code.setReadOnly(party != null);
        name.setValue(party == null ? "" : party.name());
        colour.setValue(party == null ? "" : party.colour());
        formTitle.setText(party == null ? "Add a party" : "Edit " + party.code());
        save.setText(party == null ? "Add party" : "Save changes");
    }

    private void save() {
        Forms.clear(code, name, colour);
        try {
            Party saved = editing == null ? parties.create(code.getValue(), name.getValue(), colour.getValue())
                    : parties.update(editing.id(), name.getValue(), colour.getValue());
            Forms.success(saved.name() + " saved.");
            grid.setItems(parties.list());
            grid.asSingleSelect().clear();
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("code", code, "name", name, "colour", colour));
        }
    }
}
