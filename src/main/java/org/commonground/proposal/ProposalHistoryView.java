package org.commonground.proposal;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.audit.AuditEntry;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;

/** Every revision of a proposal, and the difference between any two of them. */
@Route("proposals/:proposalId(\\d+)/history")
@PageTitle("History · Common Ground")
@PermitAll
public class ProposalHistoryView extends VerticalLayout implements BeforeEnterObserver {

    private final ProposalService proposals;
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Div diff = new Div();
    private long proposalId;

    public ProposalHistoryView(ProposalService proposals) {
        this.proposals = proposals;
        addClassName("cg-page");
        from.setLabel("Compare revision");
        to.setLabel("with revision");
        from.addValueChangeListener(e -> showDiff());
        to.addValueChangeListener(e -> showDiff());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        removeAll();
        List<Revision> history;
        try {
            history = proposals.history(proposalId);
        } catch (InvalidInputException notReadable) {
            add(new H2("Proposal not found"), new Paragraph(notReadable.getMessage()));
            return;
        }
        add(new H2("History"), new Anchor("proposals/" + proposalId, "Back to the proposal"));
        Div list = new Div();
        list.addClassName("cg-people");
        for (Revision r : history) {
            Div row = new Div(new Paragraph("Revision " + r.number() + " · " + r.authorName() + " · " + Dates.dayAndTime(r.createdAt())
                    + (r.note().isBlank() ? "" : " · \u201c" + r.note() + "\u201d")));
            row.addClassName("cg-person");
            list.add(row);
        }
        add(list);
        add(new H3("Activity"));
        Div activity = new Div();
        activity.addClassName("cg-people");
        for (AuditEntry entry : proposals.activity(proposalId)) {
            Div row = new Div(new Paragraph(Dates.dayAndTime(entry.at()) + " · " + (entry.actorName() == null ? "system" : entry.actorName())
                    + " · " + describe(entry)));
            row.addClassName("cg-person");
            activity.add(row);
        }
        add(activity);
        List<Integer> numbers = history.stream().map(Revision::number).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        HorizontalLayout pickers = new HorizontalLayout(from, to);
        pickers.setAlignItems(FlexComponent.Alignment.BASELINE);
        pickers.setWrap(true);
        add(new H3("Changes"), pickers, diff);
        if (numbers.size() > 1) {
            from.setValue(numbers.get(1));
            to.setValue(numbers.getFirst());
        } else {
            diff.add(new Paragraph("There is only one revision so far."));
        }
    }

    private static String describe(AuditEntry entry) {
        return switch (entry.action()) {
            case PROPOSAL_CREATED -> "started the proposal";
            case PROPOSAL_REVISED -> "saved " + entry.detail();
            case PROPOSAL_DISCUSSION -> "opened it for discussion";
            case PROPOSAL_RETURNED_TO_DISCUSSION -> "returned it to discussion for a redraft";
            case PROPOSAL_VOTING -> "moved it to voting";
            case PROPOSAL_WITHDRAWN -> "withdrew it";
            case PROPOSAL_COAUTHOR_ADDED -> "added a co-author";
            case AMENDMENT_PROPOSED -> "proposed an amendment";
            case AMENDMENT_ACCEPTED -> "accepted an amendment (" + entry.detail().replaceFirst("^amendment \\d+ ", "") + ")";
            case AMENDMENT_REJECTED -> "rejected an amendment";
            case AMENDMENT_WITHDRAWN -> "withdrew an amendment";
            case AMENDMENTS_LAPSED -> "closed the final vote, at which " + entry.detail() + " lapsed";
            case PUBLISHED -> "published it: " + entry.detail();
            case PUBLISHED_CORRECTION -> "published a correction: " + entry.detail();
            default -> entry.action().code();
        };
    }

    private void showDiff() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        diff.removeAll();
        RevisionDiff d = proposals.diff(proposalId, from.getValue(), to.getValue());
        if (!WordDiff.isUnchanged(d.title())) {
            diff.add(new H3("Title"), new Html(TextHtml.diff(d.title())));
        }
        if (!WordDiff.isUnchanged(d.summary())) {
            diff.add(new H3("Summary"), new Html(TextHtml.diff(d.summary())));
        }
        diff.add(new H3("Text"), WordDiff.isUnchanged(d.body()) ? new Paragraph("The text is the same.") : new Html(TextHtml.diff(d.body())));
    }
}
