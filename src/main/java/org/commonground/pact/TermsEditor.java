package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.commonground.election.PartyPalette;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.PactTermsRules;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;

/**
 * Edits a pact's terms: per constituency, the candidate's party and every other party's stance, plus the
 * conditions; seats can be dropped, and the group's other constituencies added. The candidate's own party has no
 * stance (it cannot stand down for itself).
 */
class TermsEditor extends Div {

    private static final String NOT_IN_SEAT = "Not in this seat";

    private record SeatFields(SeatTerms seat, Checkbox kept, Select<String> candidate, Map<String, Select<String>> stances) {
    }

    private final List<SeatFields> seats = new ArrayList<>();
    private final List<String> parties;
    final MultiSelectComboBox<String> added = new MultiSelectComboBox<>("Add constituencies");
    private final Map<String, String> groupConstituencies;
    final TextArea conditions = new TextArea("Conditions");

    /**
     * @param groupConstituencies ONS code to name, of the pact's group: the seats that may be added
     * @param colours             party code to colour, for the marker beside each party's stance
     */
    TermsEditor(PactTerms terms, List<String> parties, Map<String, String> groupConstituencies, Map<String, String> colours) {
        this.parties = parties;
        this.groupConstituencies = groupConstituencies;
        addClassName("cg-terms-editor");
        for (SeatTerms seat : terms.seats()) {
            Select<String> candidate = new Select<>();
            candidate.setLabel("Alliance candidate");
            candidate.setItems(parties);
            candidate.setValue(seat.candidate() == null ? null : seat.candidate().partyCode().orElse(null));
            Map<String, Select<String>> stances = new LinkedHashMap<>();
            FlexLayout row = new FlexLayout(candidate);
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.addClassName("cg-terms-row");
            for (String party : parties) {
                Select<String> stance = new Select<>();
                stance.setLabel(party);
                stance.setPrefixComponent(partyDot(PartyPalette.colourOf(colours, party)));
                List<String> items = new ArrayList<>();
                items.add(NOT_IN_SEAT);
                for (Stance s : Stance.values()) {
                    items.add(s.label());
                }
                stance.setItems(items);
                Stance current = seat.stances().get(party);
                stance.setValue(current == null ? NOT_IN_SEAT : current.label());
                stance.setVisible(seat.candidate() == null || !seat.candidate().isOf(party));
                stances.put(party, stance);
                row.add(stance);
            }
            candidate.addValueChangeListener(e -> stances.forEach((party, s) -> s.setVisible(!party.equals(e.getValue()))));
            Checkbox kept = new Checkbox("Part of the pact", true);
            seats.add(new SeatFields(seat, kept, candidate, stances));
            // One card a seat: on a phone its fields stack, every party's stance under the seat's name.
            Div card = new Div(new H4(seat.constituency()), kept, row);
            card.addClassName("cg-seat-terms");
            add(card);
        }
        List<String> others = groupConstituencies.keySet().stream()
                .filter(code -> terms.seats().stream().noneMatch(seat -> seat.onsCode().equals(code))).toList();
        if (!others.isEmpty()) {
            added.setItems(others);
            added.setItemLabelGenerator(code -> groupConstituencies.get(code) + " (" + code + ")");
            added.setHelperText("An added seat starts with " + (parties.isEmpty() ? "no candidate" : parties.getFirst() + " as the candidate")
                    + " and every other party standing; set its terms after saving.");
            added.setWidth("min(30rem, 100%)");
            add(added);
        }
        conditions.setValue(terms.conditions());
        conditions.setMaxLength(PactTermsRules.MAX_CONDITIONS);
        conditions.setWidthFull();
        conditions.setHelperText("Markdown: joint leaflets, a pledge on proportional representation, what happens if a candidate withdraws…");
        add(conditions);
    }

    /** The party's colour beside its code (the field's label): never the colour alone. */
    private static Span partyDot(String colour) {
        Span dot = new Span();
        dot.addClassName("cg-party-dot");
        dot.getStyle().set("--cg-party-colour", colour);
        dot.getElement().setAttribute("aria-hidden", "true");
        return dot;
    }

    PactTerms value() {
        List<SeatTerms> result = new ArrayList<>();
        for (SeatFields f : seats) {
            if (!f.kept().getValue()) {
                continue;
            }
            Map<String, Stance> stances = new LinkedHashMap<>();
            f.stances().forEach((party, select) -> {
                if (!party.equals(f.candidate().getValue()) && !NOT_IN_SEAT.equals(select.getValue())) {
                    for (Stance s : Stance.values()) {
                        if (s.label().equals(select.getValue())) {
                            stances.put(party, s);
                        }
                    }
                }
            });
            result.add(new SeatTerms(f.seat().onsCode(), f.seat().constituency(), f.candidate().getValue(), stances));
        }
        for (String code : added.getSelectedItems()) {
            String candidate = parties.isEmpty() ? null : parties.getFirst();
            Map<String, Stance> stances = new LinkedHashMap<>();
            parties.stream().filter(p -> !p.equals(candidate)).forEach(p -> stances.put(p, Stance.STANDS));
            result.add(new SeatTerms(code, groupConstituencies.get(code), candidate, stances));
        }
        return new PactTerms(result, conditions.getValue());
    }
}
