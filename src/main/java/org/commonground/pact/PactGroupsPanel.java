package org.commonground.pact;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.group.GroupSummary;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * The pact's groups (issue 21): the one that started it, those that joined (who accepted, when) and those invited;
 * apart from them, for an alliance's pact, the local groups that read it (or are asked to), which never ratify. A
 * convenor of the home group invites another local group to join, or (an alliance's pact) a local group of its seats
 * to read, and may withdraw a reader; a convenor of an invited group accepts or declines; a convenor of a joined
 * group takes it out, of a reading group stops it reading.
 */
class PactGroupsPanel extends Div {

    final Select<GroupSummary> toInvite = new Select<>();
    final Select<GroupSummary> toInviteToRead = new Select<>();
    final TextField leaveReason = new TextField("Why your group leaves");

    PactGroupsPanel(PactGroupsService service, long pactId, PactDetails d, Runnable changed) {
        addClassName("cg-section");
        add(new H3("Groups in this pact"));
        boolean homeConvenor = d.groups().stream().anyMatch(g -> g.part() == PactGroupPart.HOME && g.convenedByReader());
        UnorderedList list = new UnorderedList();
        UnorderedList readers = new UnorderedList();
        for (PactGroup g : d.groups()) {
            ListItem item = new ListItem(new Anchor("groups/" + g.groupId(), g.name()), new Span(" · " + g.part().label()
                    + (g.acceptedBy() == null ? "" : ", accepted by " + g.acceptedBy() + " " + Dates.day(g.acceptedAt()))));
            if (g.convenedByReader() && g.part() == PactGroupPart.INVITED) {
                item.add(new Span(" "), button("Accept", () -> service.accept(pactId, g.groupId()), changed),
                        new Span(" "), button("Decline", () -> service.decline(pactId, g.groupId()), changed));
            }
            if (g.convenedByReader() && g.part() == PactGroupPart.JOINED && leavable(d.state())) {
                leaveReason.setMaxLength(PactService.MAX_REASON);
                leaveReason.setHelperText(d.state() == PactState.RATIFYING ? "Leaving now returns the pact to negotiation." : "Optional.");
                item.add(new Div(leaveReason, button("Leave the pact", () -> {
                    Forms.clear(leaveReason);
                    service.leave(pactId, g.groupId(), leaveReason.getValue());
                }, changed)));
            }
            if (g.convenedByReader() && g.part() == PactGroupPart.READER_INVITED) {
                item.add(new Span(" "), button("Accept", () -> service.acceptReading(pactId, g.groupId()), changed),
                        new Span(" "), button("Decline", () -> service.declineReading(pactId, g.groupId()), changed));
            }
            if (g.convenedByReader() && g.part() == PactGroupPart.READING) {
                item.add(new Span(" "), button("Stop reading", () -> service.stopReading(pactId, g.groupId()), changed));
            }
            boolean reader = g.part() == PactGroupPart.READING || g.part() == PactGroupPart.READER_INVITED;
            if (reader && homeConvenor) {
                item.add(new Span(" "), button(g.part() == PactGroupPart.READING ? "Withdraw" : "Withdraw the invitation",
                        () -> service.withdrawReader(pactId, g.groupId()), changed));
            }
            (reader ? readers : list).add(item);
        }
        add(list);
        if (readers.getComponentCount() > 0) {
            add(new H4("Local groups reading it"),
                    new Paragraph("Their members read the pact and comment on it; they do not ratify it or vote in its ballots."), readers);
        }
        boolean open = d.state() == PactState.DRAFT || d.state() == PactState.NEGOTIATING;
        List<GroupSummary> invitable = service.invitable(pactId);
        if (!invitable.isEmpty() && open) {
            toInvite.setLabel("Invite a local group");
            toInvite.setItems(invitable);
            toInvite.setItemLabelGenerator(g -> g == null ? "" : g.name());
            add(new Div(toInvite, button("Invite", () -> {
                Forms.clear(toInvite);
                if (toInvite.getValue() == null) {
                    throw new InvalidInputException("group", "Choose the group to invite.");
                }
                service.invite(pactId, toInvite.getValue().id());
            }, changed)));
        }
        List<GroupSummary> readable = service.readerInvitable(pactId);
        if (!readable.isEmpty() && (open || d.state() == PactState.RATIFYING || d.state() == PactState.RATIFIED)) {
            toInviteToRead.setLabel("Ask a local group of its seats to read it");
            toInviteToRead.setHelperText("Its members read and comment; only the pact's own groups ratify it.");
            toInviteToRead.setItems(readable);
            toInviteToRead.setItemLabelGenerator(g -> g == null ? "" : g.name());
            add(new Div(toInviteToRead, button("Invite as reader", () -> {
                Forms.clear(toInviteToRead);
                if (toInviteToRead.getValue() == null) {
                    throw new InvalidInputException("reader", "Choose the group to ask.");
                }
                service.inviteToRead(pactId, toInviteToRead.getValue().id());
            }, changed)));
        }
    }

    private static boolean leavable(PactState state) {
        return state == PactState.DRAFT || state == PactState.NEGOTIATING || state == PactState.RATIFYING;
    }

    private Button button(String text, Runnable action, Runnable changed) {
        Button b = new Button(text, e -> {
            try {
                action.run();
                changed.run();
            } catch (InvalidInputException problem) {
                // A refused reader invitation is said under the reader select, where the group was chosen.
                Forms.show(problem, Map.of("group", text.equals("Invite as reader") ? toInviteToRead : toInvite, "reader", toInviteToRead,
                        "reason", leaveReason));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }
}
