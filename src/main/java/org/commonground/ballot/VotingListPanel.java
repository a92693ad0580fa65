package org.commonground.ballot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * A proposal's voting list on its page: what will be voted on, in order, each with its status and result; a
 * convenor moves amendments up and down it, and keyboard focus stays on the moved item's button.
 */
class VotingListPanel extends Div {

    private final VotingListService service;
    private final Runnable changedInPlace;
    private VotingList list;
    final OrderedList items = new OrderedList();
    final Map<Long, Button> ups = new HashMap<>();
    final Map<Long, Button> downs = new HashMap<>();

    VotingListPanel(VotingListService service, VotingList list, Runnable changedInPlace) {
        this.service = service;
        this.changedInPlace = changedInPlace;
        this.list = list;
        addClassNames("cg-card", "cg-voting-list");
        items.addClassName("cg-voting-items");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "voting-list-heading");
        render();
    }

    private void render() {
        removeAll();
        items.removeAll();
        ups.clear();
        downs.clear();
        H3 heading = new H3("Voting list");
        heading.setId("voting-list-heading");
        add(heading, new Paragraph("What will be voted on, in this order: the amendments put to the vote, then the final text as amended."));
        List<Long> ids = list.amendmentIds();
        for (VotingList.Item item : list.items()) {
            ListItem li = new ListItem();
            li.addClassName("cg-voting-item");
            Span title = new Span(item.title());
            title.addClassName("cg-card-title");
            li.add(title);
            if (item.kind() == VotingList.Kind.COMPROMISE) {
                Span flag = new Span("Compromise");
                flag.addClassName("cg-flag");
                li.add(flag);
            }
            Span status = new Span(item.status());
            status.addClassName("cg-status");
            li.add(status, new Span(" Ballot: " + item.outcome().toLowerCase() + (item.result().isBlank() ? "." : ". " + item.result())));
            if (item.ballotId() != null) {
                li.add(new Span(" "), new Anchor("ballots/" + item.ballotId(), "See the ballot"));
            }
            if (list.mayReorder() && item.amendmentId() != null && ids.size() > 1) {
                int at = ids.indexOf(item.amendmentId());
                String number = item.title().substring(0, item.title().indexOf(' '));
                Button up = new Button("Move up", e -> move(at, -1));
                up.getElement().setAttribute("aria-label", "Move " + number + " up");
                up.setEnabled(at > 0);
                Button down = new Button("Move down", e -> move(at, 1));
                down.getElement().setAttribute("aria-label", "Move " + number + " down");
                down.setEnabled(at < ids.size() - 1);
                for (Button b : List.of(up, down)) {
                    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                }
                ups.put(item.amendmentId(), up);
                downs.put(item.amendmentId(), down);
                Div moves = new Div(up, down);
                moves.addClassName("cg-voting-moves");
                li.add(moves);
            }
            items.add(li);
        }
        add(items);
        if (!list.notYetPutToVote().isEmpty()) {
            add(new Paragraph(list.notYetPutToVote().stream().map(n -> "A" + n).collect(Collectors.joining(", "))
                    + (list.notYetPutToVote().size() == 1 ? " is" : " are") + " open and not on the list: an amendment joins it when a convenor puts it to the vote."));
        }
    }

    /** Moves the amendment at {@code at} one place up ({@code -1}) or down, and keeps focus on it. */
    private void move(int at, int by) {
        List<Long> order = new ArrayList<>(list.amendmentIds());
        long moved = order.remove(at);
        order.add(at + by, moved);
        try {
            list = service.reorder(list.proposalId(), order);
            changedInPlace.run();
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
            list = service.votingList(list.proposalId());
        }
        render();
        Button same = (by < 0 ? ups : downs).get(moved);
        Button other = (by < 0 ? downs : ups).get(moved);
        if (same != null && same.isEnabled()) {
            same.focus();
        } else if (other != null) {
            other.focus();
        }
    }
}
