package org.commonground.pact;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * On a seat's page, for a convenor of a local group covering it: starts a one-seat pact for a by-election, with its
 * polling day and the time by which every party should have ratified.
 */
final class ByElectionForm extends Div {

    ByElectionForm(ByElectionService byElections, String onsCode, List<ByElectionService.StartingGroup> groups) {
        addClassName("cg-section");
        Select<ByElectionService.StartingGroup> group = new Select<>();
        group.setLabel("Local group");
        group.setItems(groups);
        group.setItemLabelGenerator(ByElectionService.StartingGroup::groupName);
        group.setValue(groups.getFirst());
        group.setVisible(groups.size() > 1);
        DatePicker pollingDay = new DatePicker("Polling day");
        pollingDay.setLocale(Dates.LOCALE);
        DateTimePicker ratifyBy = new DateTimePicker("Every party to ratify by");
        ratifyBy.setLocale(Dates.LOCALE);
        // A week gives the parties time to agree and ratify; most by-elections are called a month or so ahead.
        ratifyBy.setValue(LocalDate.now(Dates.ZONE).plusDays(7).atTime(LocalTime.of(18, 0)));
        Button start = new Button("Start a by-election pact");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> {
            Forms.clear(group, pollingDay, ratifyBy);
            try {
                LocalDateTime by = ratifyBy.getValue();
                long pact = byElections.start(group.getValue().groupId(), onsCode, pollingDay.getValue(),
                        by == null ? null : by.atZone(Dates.ZONE).toOffsetDateTime());
                getUI().ifPresent(ui -> ui.navigate("pacts/" + pact));
            } catch (InvalidInputException bad) {
                Forms.show(bad, Map.of("pollingDay", pollingDay, "ratifyBy", ratifyBy, "group", group, "seats", group));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
        add(new H3("By-election"), new Paragraph("A one-seat pact, with this seat's last result as its evidence. Every party sees the "
                + "deadline, and those yet to ratify are reminded two days, one day and three hours before it."), group, pollingDay, ratifyBy, start);
    }
}
