package org.commonground.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.election.ElectionService;
import org.commonground.group.GroupDetails;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Cards;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * A group's pacts (those it started, joined, or, for a local group, an alliance's that it reads), the invitations
 * to join or read one for its convenors, and the form that starts one.
 */
@Route("groups/:groupId(\\d+)/pacts")
@PageTitle("Pacts · Common Ground")
@PermitAll
public class GroupPactsView extends VerticalLayout implements BeforeEnterObserver {

    private final PactService pacts;
    private final PactGroupsService pactGroups;
    private final GroupService groups;
    private final ElectionService elections;
    final TextField title = new TextField("Title");
    final MultiSelectComboBox<String> seats = new MultiSelectComboBox<>("Constituencies");
    final Select<ElectionService.ElectionSummary> evidence = new Select<>();

    public GroupPactsView(PactService pacts, GroupService groups, ElectionService elections, PactGroupsService pactGroups) {
        this.pacts = pacts;
        this.pactGroups = pactGroups;
        this.groups = groups;
        this.elections = elections;
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().getLong("groupId").orElse(0L));
    }

    private void show(long groupId) {
        removeAll();
        GroupDetails group;
        try {
            group = groups.details(groupId);
        } catch (InvalidInputException missing) {
            add(new H2("Group not found"));
            return;
        }
        add(new H2("Pacts of " + group.summary().name()), new Anchor("groups/" + groupId, "Back to the group"));
        if (!group.summary().isActiveMember()) {
            add(new Paragraph("Only members of this group see its pacts."));
            return;
        }
        Div cards = new Div();
        cards.addClassName("cg-cards");
        List<PactSummary> list = pacts.inGroup(groupId);
        if (list.isEmpty()) {
            cards.add(new Paragraph("No pacts yet."));
        }
        for (PactSummary p : list) {
            cards.add(Cards.withBadge("pacts/" + p.id(), p.title(), PactBadge.of(p.state()),
                    new Paragraph("Revision " + p.currentRevision() + " · started " + Dates.day(p.createdAt()))));
        }
        add(cards);
        invitations(groupId);
        if (group.summary().isConvenor() && group.summary().kind() != GroupKind.PARTY) {
            add(startForm(groupId, group.summary().kind()));
        }
    }

    /**
     * For its convenors: the pacts other groups invite this one to join, and (a local group) the alliances' pacts it
     * is asked to read, each to accept or decline.
     */
    private void invitations(long groupId) {
        invitations(groupId, "Invitations to join a pact", pactGroups.invitations(groupId), pactGroups::accept, pactGroups::decline);
        invitations(groupId, "Invitations to read an alliance's pact (read and comment, not ratify)", pactGroups.readingInvitations(groupId),
                pactGroups::acceptReading, pactGroups::declineReading);
    }

    private void invitations(long groupId, String heading, List<PactSummary> invited, java.util.function.BiConsumer<Long, Long> accepting,
                             java.util.function.BiConsumer<Long, Long> declining) {
        if (invited.isEmpty()) {
            return;
        }
        Div section = new Div(new H3(heading));
        section.addClassName("cg-section");
        for (PactSummary p : invited) {
            Button accept = new Button("Accept", e -> answer(() -> accepting.accept(p.id(), groupId), groupId));
            Button decline = new Button("Decline", e -> answer(() -> declining.accept(p.id(), groupId), groupId));
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
            section.add(new Paragraph(new Anchor("pacts/" + p.id(), p.title()), new com.vaadin.flow.component.html.Span(" from "
                    + p.groupName() + " "), accept, new com.vaadin.flow.component.html.Span(" "), decline));
        }
        add(section);
    }

    /** Answers an invitation and shows the list anew: an accepted pact moves among the group's own. */
    private void answer(Runnable action, long groupId) {
        try {
            action.run();
            show(groupId);
        } catch (InvalidInputException | AccessDeniedException problem) {
            Forms.error(problem.getMessage());
        }
    }

    private Div startForm(long groupId, GroupKind kind) {
        Map<String, String> constituencies = pacts.constituenciesOf(groupId);
        title.setMaxLength(PactService.MAX_TITLE);

        seats.setItems(new ArrayList<>(constituencies.keySet()));
        seats.setItemLabelGenerator(code -> constituencies.get(code) + " (" + code + ")");

        seats.setHelperText(constituencies.isEmpty() ? "Add ONS codes to the group's constituencies first: pacts cite seats by code." : kind == GroupKind.ALLIANCE
                ? "An alliance group's pact may cover any constituency imported with an election's results." : "Constituencies of this group with an ONS code.");
        List<ElectionService.ElectionSummary> all = elections.elections();
        evidence.setLabel("Evidence from the election");
        evidence.setItems(all);
        evidence.setItemLabelGenerator(e -> e == null ? "None" : e.name());
        evidence.setEmptySelectionAllowed(true);
        evidence.setEmptySelectionCaption("None");
        if (!all.isEmpty()) {
            evidence.setValue(all.getFirst());
        }
        Button start = new Button("Start pact", e -> {
            Forms.clear(title, seats);
            try {
                long id = pacts.start(groupId, title.getValue(), new ArrayList<>(seats.getSelectedItems()),
                        evidence.getValue() == null ? null : evidence.getValue().id());
                getUI().ifPresent(ui -> ui.navigate("pacts/" + id));
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("title", title, "seats", seats));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout fields = new FormLayout(title, seats, evidence);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        fields.setMaxWidth("32rem");
        Div form = new Div(new H3("Start a pact"),
                new Paragraph("The first terms suggest the best-placed alliance party as each seat's candidate; you change them before opening negotiation."),
                fields, start);
        form.addClassName("cg-section");
        return form;
    }
}
