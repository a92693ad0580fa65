package org.commonground.proposal;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.group.GroupDetails;
import org.commonground.group.GroupService;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Cards;

/** A group's proposals that the caller may read, newest change first. */
@Route("groups/:groupId(\\d+)/proposals")
@PageTitle("Proposals · Common Ground")
@PermitAll
public class GroupProposalsView extends VerticalLayout implements BeforeEnterObserver {

    private final ProposalService proposals;
    private final GroupService groups;

    public GroupProposalsView(ProposalService proposals, GroupService groups) {
        this.proposals = proposals;
        this.groups = groups;
        addClassName("cg-page");
    }

    private static Paragraph description(String summary) {
        Paragraph description = new Paragraph(summary);
        description.addClassName("cg-card-description");
        return description;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long groupId = event.getRouteParameters().getLong("groupId").orElse(0L);
        removeAll();
        GroupDetails group;
        try {
            group = groups.details(groupId);
        } catch (InvalidInputException missing) {
            add(new H2("Group not found"));
            return;
        }
        add(new H2("Proposals of " + group.summary().name()), new Anchor("groups/" + groupId, "Back to the group"));
        if (!group.summary().isActiveMember()) {
            add(new Paragraph("Only members of this group see its proposals."));
            return;
        }
        Button start = new Button("New proposal", e -> getUI().ifPresent(ui ->
                ui.navigate(NewProposalView.class, new RouteParameters("groupId", String.valueOf(groupId)))));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(start);
        List<ProposalSummary> list = proposals.inGroup(groupId);
        Div cards = new Div();
        cards.addClassName("cg-cards");
        if (list.isEmpty()) {
            cards.add(new Paragraph("No proposals yet."));
        }
        for (ProposalSummary p : list) {
            Div footer = new Div(new Span("Revision " + p.currentRevision() + " · " + Dates.day(p.stateChangedAt())));
            footer.addClassName("cg-card-footer");
            Div card = p.summary().isBlank() ? Cards.withBadge("proposals/" + p.id(), p.title(), ProposalBadge.of(p.state()), footer)
                    : Cards.withBadge("proposals/" + p.id(), p.title(), ProposalBadge.of(p.state()), description(p.summary()), footer);
            cards.add(card);
        }
        add(cards);
    }
}
