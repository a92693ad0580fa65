package org.commonground.ballot;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.group.DelegationMember;
import org.commonground.group.DelegationService;
import org.commonground.group.GroupService;
import org.commonground.group.PartyDelegation;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * A group's elections of party delegates: a party's confirmed members there put one of themselves to the party's
 * vote, which is how a party with no organiser at hand gets its delegates.
 */
@Route("groups/:groupId(\\d+)/elections")
@PageTitle("Elections of delegates · Common Ground")
@PermitAll
public class DelegateElectionsView extends VerticalLayout implements BeforeEnterObserver {

    private final BallotService ballots;
    private final DelegationService delegations;
    private final GroupService groups;
    private final SignedInMember me;
    private long groupId;

    public DelegateElectionsView(BallotService ballots, DelegationService delegations, GroupService groups, CurrentMember currentMember) {
        this.ballots = ballots;
        this.delegations = delegations;
        this.groups = groups;
        this.me = currentMember.require();
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        groupId = event.getRouteParameters().getLong("groupId").orElse(0L);
        show();
    }

    private void show() {
        removeAll();
        List<DelegateElection> elections;
        String groupName;
        try {
            elections = ballots.elections(groupId);
            groupName = groups.details(groupId).summary().name();
        } catch (InvalidInputException notAMember) {
            add(new H2("Not found"), new Paragraph(notAMember.getMessage()));
            return;
        }
        add(new H2("Elections of delegates"), new Anchor("groups/" + groupId, "Back to " + groupName),
                new Paragraph("A party's confirmed members here may put one of themselves to the party's vote as its delegate. "
                        + "Only the party's confirmed members here vote, in secret, for a day at least; half of them must vote, "
                        + "and a simple majority elects."));
        delegations.delegations(groupId).stream().filter(p -> p.partyCode().equals(me.partyCode())).findFirst().ifPresent(mine -> {
            if (!mine.confirmed().isEmpty()) {
                form(mine);
            } else if (!mine.claimed().isEmpty() && mine.claimed().stream().anyMatch(m -> m.memberId() == me.id())) {
                add(new Paragraph(me.partyCode() + " has not confirmed you yet, so you cannot stand or vote for it here."));
            } else {
                add(new Paragraph("Every member " + me.partyCode() + " has confirmed here is one of its delegates already."));
            }
        });
        add(new H3("Elections"));
        if (elections.isEmpty()) {
            add(new Paragraph("None yet."));
        }
        UnorderedList list = new UnorderedList();
        for (DelegateElection e : elections) {
            String state = e.open() ? "open" + (e.closesAt() == null ? "" : " until " + Dates.dayAndTime(e.closesAt().atZoneSameInstant(Dates.ZONE)))
                    : Boolean.TRUE.equals(e.passed()) ? "elected" : "not elected";
            list.add(new ListItem(new Span(e.partyCode() + ": " + e.candidateName() + " · " + state + " · "),
                    new Anchor("ballots/" + e.ballotId(), e.open() ? "the ballot" : "the result")));
        }
        add(list);
    }

    private void form(PartyDelegation mine) {
        Select<DelegationMember> candidate = new Select<>();
        candidate.setLabel("Put to " + mine.partyCode() + "'s vote as its delegate");
        candidate.setItems(mine.confirmed());
        candidate.setItemLabelGenerator(DelegationMember::displayName);
        DateTimePicker closesAt = new DateTimePicker("Voting ends");
        closesAt.setValue(LocalDateTime.now().plusDays(3).withSecond(0).withNano(0));
        Button open = new Button("Open the election");
        open.addClickListener(e -> {
            Forms.clear(candidate, closesAt);
            if (candidate.getValue() == null) {
                candidate.setInvalid(true);
                candidate.setErrorMessage("Choose who stands.");
                return;
            }
            Confirmation.ask(open, "Open the election of " + candidate.getValue().displayName() + "?",
                    mine.partyCode() + "'s confirmed members in this group are notified and can vote until it ends.",
                    "Open the election now", () -> openElection(candidate, closesAt));
        });
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("Elect a " + mine.partyCode() + " delegate"), candidate, closesAt, open);
    }

    private void openElection(Select<DelegationMember> candidate, DateTimePicker closesAt) {
        try {
            long ballot = ballots.openDelegateElection(groupId, candidate.getValue().memberId(),
                    closesAt.getValue() == null ? null : closesAt.getValue().atZone(Dates.ZONE).toOffsetDateTime());
            getUI().ifPresent(ui -> ui.navigate("ballots/" + ballot));
        } catch (InvalidInputException bad) {
            Forms.show(bad, Map.of("candidate", candidate, "closesAt", closesAt));
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }
}
