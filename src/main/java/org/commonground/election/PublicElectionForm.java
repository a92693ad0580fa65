package org.commonground.election;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

/**
 * The admin's choice of the election and alliance the public seat pages ({@code /p/seats}) use: publishing it changes
 * those pages at once, so the form says what is in force and since when.
 */
class PublicElectionForm extends Div {

    final Paragraph inForce = new Paragraph();
    final Select<ElectionService.ElectionSummary> election = new Select<>();
    final TextField alliance = new TextField("Alliance parties");
    final Button publish = new Button("Publish for the public pages");
    private final PublicElectionService publicElection;
    private final ElectionService elections;

    PublicElectionForm(PublicElectionService publicElection, ElectionService elections) {
        this.publicElection = publicElection;
        this.elections = elections;
        election.setLabel("Election");
        election.setItemLabelGenerator(e -> e.name() + " (" + e.code() + ")");
        election.setEmptySelectionAllowed(false);
        alliance.setHelperText("Party codes separated by commas, such as LAB,LD,GRN,PC,SNP (Plaid Cymru and the SNP have votes only in Wales and Scotland).");
        alliance.setMaxLength(200);
        alliance.setWidthFull();
        alliance.setMaxWidth("40rem");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> publish());
        add(new H3("Public seat pages"), new Paragraph("Anyone can find a constituency at /p/seats and see its result in this election, "
                + "with the best-placed of these parties, and the pacts published for it."), inForce, election, alliance, publish,
                new Anchor("/p/seats", "Open the public seat pages"));
        addClassName("cg-section");
        refresh();
    }

    /** The elections to choose from and the setting in force, read again (after an import, say). */
    void refresh() {
        var all = elections.elections();
        election.setItems(all);
        var current = publicElection.current();
        inForce.setText(current.map(p -> "In force: " + p.electionName() + " (" + p.electionCode() + ") with " + String.join(", ", p.alliance().everywhere())
                + ", chosen " + Dates.dayAndTime(p.chosenAt()) + ".").orElse("No election is chosen yet: the public seat pages show no results."));
        current.flatMap(p -> all.stream().filter(e -> e.id() == p.electionId()).findFirst()).ifPresentOrElse(election::setValue,
                () -> all.stream().findFirst().ifPresent(election::setValue));
        if (alliance.isEmpty()) {
            alliance.setValue(current.map(p -> String.join(",", p.alliance().everywhere())).orElse("LAB,LD,GRN,PC,SNP"));
        }
    }

    private void publish() {
        Forms.clear(election, alliance);
        if (election.getValue() == null) {
            election.setErrorMessage("Import an election's results first, then choose it here.");
            election.setInvalid(true);
            return;
        }
        try {
            PublicElection chosen = publicElection.choose(election.getValue().id(), alliance.getValue());
            alliance.setValue(String.join(",", chosen.alliance().everywhere()));
            refresh();
            Forms.success("The public seat pages now use " + chosen.electionName() + ".");
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.<String, HasValidation>of("election", election, "alliance", alliance));
        }
    }
}
