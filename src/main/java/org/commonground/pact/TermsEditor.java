package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.election.PartyPalette;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.Contests;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.PactTermsRules;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;

/**
 * Edits a pact's terms: per constituency, the alliance candidate (a party's, or a named person of a party or of
 * none) and every other party's stance, plus the conditions; seats can be dropped, and the group's other
 * constituencies added. The candidate's own party has no stance (it cannot stand down for itself); a party that
 * never contests the seat (Plaid Cymru outside Wales) can only be "not standing" there. A pact of up to
 * {@link #CARDS_UP_TO} seats shows every seat's fields at once; a wider one (a national framework of 650) one seat
 * at a time, chosen by name, since thousands of fields would make the page slow to open, and the seats changed
 * keep their changes until saved.
 */
class TermsEditor extends Div {

    static final String NOT_IN_SEAT = "Not in this seat";
    static final String NAMED_PERSON = "A named person";
    static final String NO_PARTY = "No party (independent)";

    /** One seat's fields. */
    record SeatFields(SeatTerms seat, Checkbox kept, Select<String> candidate, TextField personName, Select<String> personParty,
                      Map<String, Select<String>> stances) {

        /** The candidate as the fields say: null while none is chosen. */
        Candidate value() {
            String chosen = candidate.getValue();
            if (chosen == null) {
                return null;
            }
            if (NAMED_PERSON.equals(chosen)) {
                String party = personParty.getValue();
                return Candidate.person(personName.getValue(), party == null || NO_PARTY.equals(party) ? null : party);
            }
            return Candidate.ofParty(chosen);
        }

        /** Shows the named person's fields only for a named person, and hides the stance of the candidate's own party. */
        void showFor(Candidate c) {
            boolean person = c instanceof Candidate.Person;
            personName.setVisible(person);
            personParty.setVisible(person);
            stances.forEach((party, s) -> s.setVisible(c == null || !c.isOf(party)));
        }
    }

    static final int CARDS_UP_TO = 20;

    private final List<SeatTerms> allSeats;
    /** The fields of the seats shown so far (all of them, up to {@link #CARDS_UP_TO}), by ONS code. */
    private final Map<String, SeatFields> seats = new LinkedHashMap<>();
    private final Map<String, String> colours;
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
        this.colours = colours;
        this.allSeats = terms.seats();
        addClassName("cg-terms-editor");
        if (allSeats.size() <= CARDS_UP_TO) {
            allSeats.forEach(seat -> add(card(fieldsOf(seat.onsCode()))));
        } else {
            add(oneSeatAtATime());
        }
        List<String> others = groupConstituencies.keySet().stream()
                .filter(code -> terms.seats().stream().noneMatch(seat -> seat.onsCode().equals(code))).toList();
        if (!others.isEmpty()) {
            added.setItems(others);
            added.setItemLabelGenerator(code -> groupConstituencies.get(code) + " (" + code + ")");
            added.setHelperText("An added seat starts with " + (parties.isEmpty() ? "no candidate" : parties.getFirst() + " as the candidate")
                    + " and every other party standing (or not standing, where it never contests); set its terms after saving.");
            added.setWidth("min(30rem, 100%)");
            add(added);
        }
        conditions.setValue(terms.conditions());
        conditions.setMaxLength(PactTermsRules.MAX_CONDITIONS);
        conditions.setWidthFull();
        conditions.setHelperText("Markdown: joint leaflets, a pledge on proportional representation, what happens if a candidate withdraws…");
        add(conditions);
    }

    /** A seat's fields, made the first time the seat is shown. */
    private SeatFields fieldsOf(String onsCode) {
        return seats.computeIfAbsent(onsCode, code -> seatFields(allSeats.stream().filter(s -> s.onsCode().equals(code)).findFirst().orElseThrow()));
    }

    /** One card a seat: on a phone its fields stack, every party's stance under the seat's name. */
    private static Div card(SeatFields fields) {
        FlexLayout row = new FlexLayout(fields.candidate(), fields.personName(), fields.personParty());
        fields.stances().values().forEach(row::add);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassName("cg-terms-row");
        Div card = new Div(new H4(fields.seat().constituency()), fields.kept(), row);
        card.addClassName("cg-seat-terms");
        return card;
    }

    /** A wide pact's seats, chosen one at a time by name; the seats changed are listed, to return to. */
    private Div oneSeatAtATime() {
        ComboBox<SeatTerms> choose = new ComboBox<>("Seat to change");
        choose.setItems(allSeats);
        choose.setItemLabelGenerator(seat -> seat.constituency() + " (" + seat.onsCode() + ")");
        choose.setWidth("min(30rem, 100%)");
        choose.setHelperText(allSeats.size() + " seats: type a constituency's name. A seat keeps what you change here until you save.");
        Div shown = new Div();
        Paragraph changed = new Paragraph();
        changed.addClassName("cg-meta");
        choose.addValueChangeListener(e -> {
            shown.removeAll();
            if (e.getValue() != null) {
                shown.add(card(fieldsOf(e.getValue().onsCode())));
                changed.setText("Seats opened for changes: " + seats.values().stream().map(f -> f.seat().constituency())
                        .collect(java.util.stream.Collectors.joining(", ")) + ".");
            }
        });
        return new Div(choose, shown, changed);
    }

    private SeatFields seatFields(SeatTerms seat) {
        Select<String> candidate = new Select<>();
        candidate.setLabel("Alliance candidate");
        List<String> choices = new ArrayList<>(parties.stream().filter(p -> !Contests.neverContests(p, seat.onsCode())).toList());
        choices.add(NAMED_PERSON);
        candidate.setItems(choices);
        candidate.setItemLabelGenerator(c -> NAMED_PERSON.equals(c) ? c : c + "'s candidate");
        TextField personName = new TextField("Candidate's name");
        personName.setMaxLength(Candidate.MAX_NAME);
        Select<String> personParty = new Select<>();
        personParty.setLabel("Their party");
        List<String> personParties = new ArrayList<>();
        personParties.add(NO_PARTY);
        personParties.addAll(parties);
        personParty.setItems(personParties);
        personParty.setValue(NO_PARTY);
        switch (seat.candidate()) {
            case null -> {
            }
            case Candidate.PartyCandidate(String party) -> candidate.setValue(choices.contains(party) ? party : null);
            case Candidate.Person(String name, String party) -> {
                candidate.setValue(NAMED_PERSON);
                personName.setValue(name);
                if (party != null && !personParties.contains(party)) {
                    personParties.add(party);
                    personParty.setItems(personParties);
                }
                personParty.setValue(party == null ? NO_PARTY : party);
            }
        }
        Map<String, Select<String>> stances = new LinkedHashMap<>();
        for (String party : parties) {
            stances.put(party, stanceField(seat, party, colours));
        }
        SeatFields fields = new SeatFields(seat, new Checkbox("Part of the pact", true), candidate, personName, personParty, stances);
        fields.showFor(fields.value());
        candidate.addValueChangeListener(e -> fields.showFor(fields.value()));
        personParty.addValueChangeListener(e -> fields.showFor(fields.value()));
        return fields;
    }

    private static Select<String> stanceField(SeatTerms seat, String party, Map<String, String> colours) {
        Select<String> stance = new Select<>();
        stance.setLabel(party);
        stance.setPrefixComponent(partyDot(PartyPalette.colourOf(colours, party)));
        List<String> items = new ArrayList<>();
        items.add(NOT_IN_SEAT);
        if (Contests.neverContests(party, seat.onsCode())) {
            // Standing down is not on offer where the party never stands: that would credit it with a gift it never gave.
            items.add(Stance.NOT_STANDING.label());
            stance.setHelperText("Contests seats only in " + Contests.onlyIn(party).orElseThrow());
        } else {
            for (Stance s : Stance.values()) {
                items.add(s.label());
            }
        }
        stance.setItems(items);
        Stance current = seat.stances().get(party);
        stance.setValue(current == null || !items.contains(current.label()) ? NOT_IN_SEAT : current.label());
        return stance;
    }

    /** The party's colour beside its code (the field's label): never the colour alone. */
    private static Span partyDot(String colour) {
        Span dot = new Span();
        dot.addClassName("cg-party-dot");
        dot.getStyle().set("--cg-party-colour", colour);
        dot.getElement().setAttribute("aria-hidden", "true");
        return dot;
    }

    /** The fields of one seat (for tests: what a convenor sets), made if the seat was not shown yet. */
    SeatFields seat(String onsCode) {
        return fieldsOf(onsCode);
    }

    PactTerms value() {
        List<SeatTerms> result = new ArrayList<>();
        for (SeatTerms seat : allSeats) {
            SeatFields f = seats.get(seat.onsCode());
            if (f == null) {
                // Never opened for changes: as it was.
                result.add(seat);
                continue;
            }
            if (!f.kept().getValue()) {
                continue;
            }
            Candidate candidate = f.value();
            Map<String, Stance> stances = new LinkedHashMap<>();
            f.stances().forEach((party, select) -> {
                if ((candidate == null || !candidate.isOf(party)) && !NOT_IN_SEAT.equals(select.getValue())) {
                    for (Stance s : Stance.values()) {
                        if (s.label().equals(select.getValue())) {
                            stances.put(party, s);
                        }
                    }
                }
            });
            result.add(new SeatTerms(f.seat().onsCode(), f.seat().constituency(), candidate, stances));
        }
        for (String code : added.getSelectedItems()) {
            String candidate = parties.stream().filter(p -> !Contests.neverContests(p, code)).findFirst().orElse(null);
            Map<String, Stance> stances = new LinkedHashMap<>();
            parties.stream().filter(p -> !p.equals(candidate)).forEach(p -> stances.put(p, Contests.startingStance(p, code)));
            result.add(new SeatTerms(code, groupConstituencies.get(code), candidate, stances));
        }
        return new PactTerms(result, conditions.getValue());
    }
}
