package org.commonground.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.shared.Dates;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * A pact's seat and its unity-candidate ballots: the list, and for a convenor the form that opens one, where the
 * candidates, the rule and the tie-break are stated before anyone votes.
 */
@Route("pacts/:pactId(\\d+)/unity/:ons([EWSN]\\d{8})")
@PageTitle("Unity candidate · Common Ground")
@PermitAll
public class UnitySeatView extends VerticalLayout implements BeforeEnterObserver {

    static final int FIRST_ROWS = 4;
    private static final String NO_PARTY = "";

    private final UnityBallotService unity;
    private long pactId;
    private String ons;
    final RadioButtonGroup<UnityMethod> method = new RadioButtonGroup<>("How members vote");
    final RadioButtonGroup<TieBreakRule> tieBreak = new RadioButtonGroup<>("How a tie is settled");
    final List<TextField> names = new ArrayList<>();
    final List<Select<String>> parties = new ArrayList<>();
    final DateTimePicker closesAt = new DateTimePicker("Voting ends (optional: otherwise a convenor closes it)");
    /** The candidates' problem (one too few, a name twice), where the list is: no single row is at fault. */
    final Paragraph candidatesProblem = new Paragraph();
    private final Div rows = new Div();
    private Map<String, String> partyNames = Map.of();

    public UnitySeatView(UnityBallotService unity) {
        this.unity = unity;
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pactId = event.getRouteParameters().getLong("pactId").orElse(0L);
        ons = event.getRouteParameters().get("ons").orElse("");
        show();
    }

    private void show() {
        removeAll();
        UnitySeat seat;
        try {
            seat = unity.seat(pactId, ons);
        } catch (InvalidInputException | AccessDeniedException missing) {
            add(new H2("Not found"), new Paragraph(missing.getMessage()));
            return;
        }
        partyNames = seat.partyNames();
        add(new H2("Unity candidate for " + seat.constituency()), new Anchor("pacts/" + pactId, "Back to \u201c" + seat.pactTitle() + "\u201d"),
                new Paragraph("The group can choose the seat's alliance candidate by a ballot among named people, of any party or none. "
                        + "Once counted, a convenor writes the winner into the terms as an amendment, accepted and ratified as any other."));
        add(new H3("Ballots"));
        if (seat.ballots().isEmpty()) {
            add(new Paragraph("None yet."));
        }
        UnorderedList list = new UnorderedList();
        for (UnityBallotSummary b : seat.ballots()) {
            String state = b.open() ? "open" + (b.closesAt() == null ? "" : " until " + Dates.dayAndTime(b.closesAt()))
                    : b.electedName() == null ? "closed: nobody elected" : "closed: " + b.electedName() + " elected";
            list.add(new ListItem(new Span(b.method().label() + " \u00b7 " + state + " \u00b7 "), new Anchor("unity/" + b.id(), b.open() ? "vote" : "the count")));
        }
        add(list);
        if (seat.mayOpen()) {
            add(openForm());
        }
    }

    private Div openForm() {
        Div form = new Div(new H3("Open a ballot"));
        form.addClassName("cg-section");
        method.setItems(UnityMethod.values());
        method.setItemLabelGenerator(UnityMethod::label);
        method.setValue(UnityMethod.RANKED);
        tieBreak.setItems(TieBreakRule.values());
        tieBreak.setItemLabelGenerator(t -> t.label() + ": " + t.sentence());
        tieBreak.setValue(TieBreakRule.BACKWARDS);
        names.clear();
        parties.clear();
        rows.removeAll();
        for (int i = 0; i < FIRST_ROWS; i++) {
            addRow();
        }
        Button more = new Button("Add a candidate", e -> addRow());
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        candidatesProblem.addClassName("cg-error");
        candidatesProblem.getElement().setAttribute("role", "alert");
        candidatesProblem.setVisible(false);
        Button open = new Button("Open the ballot", e -> open());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(method, tieBreak, new Paragraph("Candidates, in ballot-paper order (empty rows are left out):"), rows, candidatesProblem, more,
                closesAt, new Div(open));
        return form;
    }

    private void addRow() {
        int n = names.size() + 1;
        TextField name = new TextField("Candidate " + n);
        name.setMaxLength(UnityBallotService.MAX_NAME);
        Select<String> party = new Select<>();
        party.setLabel("Candidate " + n + "'s party");
        List<String> codes = new ArrayList<>();
        codes.add(NO_PARTY);
        codes.addAll(partyNames.keySet());
        party.setItems(codes);
        party.setItemLabelGenerator(code -> code.isEmpty() ? "No party" : partyNames.get(code));
        party.setValue(NO_PARTY);
        names.add(name);
        parties.add(party);
        FlexLayout row = new FlexLayout(name, party);
        row.addClassName("cg-actions");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        rows.add(row);
    }

    void open() {
        Forms.clear(method, tieBreak, closesAt);
        candidatesProblem.setVisible(false);
        List<NewCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            candidates.add(new NewCandidate(names.get(i).getValue(), parties.get(i).getValue()));
        }
        try {
            long id = unity.open(pactId, ons, new UnityBallotSettings(method.getValue(), tieBreak.getValue(), candidates,
                    closesAt.getValue() == null ? null : closesAt.getValue().atZone(Dates.ZONE).toOffsetDateTime()));
            getUI().ifPresent(ui -> ui.navigate("unity/" + id));
        } catch (InvalidInputException bad) {
            String problem = bad.messageFor("candidates");
            if (problem != null) {
                candidatesProblem.setText(problem);
                candidatesProblem.setVisible(true);
            }
            List<FieldProblem> others = bad.problems().entrySet().stream().filter(e -> !e.getKey().equals("candidates"))
                    .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList();
            if (!others.isEmpty()) {
                Forms.show(new InvalidInputException(others), Map.of("method", method, "tieBreak", tieBreak, "closesAt", closesAt));
            }
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }
}
