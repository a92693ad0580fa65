package org.commonground.pact;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
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
 * The pact's groups (issue 21): the one that started it, those that joined (who accepted, when), those invited, and
 * for an alliance pact the local groups covering its seats. A convenor of the home group invites another local group;
 * a convenor of an invited group accepts or declines; a convenor of a joined group takes it out.
 */
class PactGroupsPanel extends Div {

    final Select<GroupSummary> toInvite = new Select<>();
    final TextField leaveReason = new TextField("Why your group leaves");

    PactGroupsPanel(PactGroupsService service, long pactId, PactDetails d, Runnable changed) {
        addClassName("cg-section");
        add(new H3("Groups in this pact"));
        UnorderedList list = new UnorderedList();
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
            list.add(item);
        }
        add(list);
        List<GroupSummary> invitable = service.invitable(pactId);
        if (!invitable.isEmpty() && (d.state() == PactState.DRAFT || d.state() == PactState.NEGOTIATING)) {
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
                Forms.show(problem, Map.of("group", toInvite, "reason", leaveReason));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }
}
