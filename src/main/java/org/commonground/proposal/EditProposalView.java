package org.commonground.proposal;

import java.util.stream.Collectors;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * Editing makes a new revision on top of the one the author opened. If a co-author saved in between, nothing is
 * overwritten: the author sees what the other changed, keeps their own text, and saves again once merged.
 */
@Route("proposals/:proposalId(\\d+)/edit")
@PageTitle("Edit proposal · Common Ground")
@PermitAll
public class EditProposalView extends VerticalLayout implements BeforeEnterObserver {

    private final ProposalService proposals;
    private final AmendmentService amendments;
    final ProposalForm form = new ProposalForm();
    final Button save = new Button("Save revision");
    final Div conflict = new Div();
    final Paragraph underVote = new Paragraph();
    private long proposalId;
    private int base;

    public EditProposalView(ProposalService proposals, AmendmentService amendments) {
        this.proposals = proposals;
        this.amendments = amendments;
        addClassName("cg-page");
        conflict.addClassName("cg-conflict");
        conflict.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> save());
        Button cancel = new Button("Cancel", e -> backToProposal());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        underVote.addClassName("cg-notice");
        underVote.setVisible(false);
        add(new H2("Edit proposal"), underVote, conflict, form, new HorizontalLayout(save, cancel));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        try {
            ProposalDetails details = proposals.details(proposalId);
            if (!details.canEdit()) {
                Forms.error("You cannot edit this proposal now.");
                event.forwardTo(ProposalView.class, new RouteParameters("proposalId", String.valueOf(proposalId)));
                return;
            }
            base = details.current().number();
            form.fill(details.current().title(), details.current().summary(), details.current().body());
            // Said before typing, not only on saving: the service refuses changes to these lines until the ballot closes.
            String voted = amendments.list(proposalId).stream().filter(a -> a.state() == AmendmentState.PUT_TO_VOTE)
                    .map(Amendment::citation)
                    .collect(Collectors.joining(", "));
            underVote.setText("Being voted on, so leave as they are until the ballot closes: " + voted + ".");
            underVote.setVisible(!voted.isEmpty());
        } catch (InvalidInputException notReadable) {
            removeAll();
            add(new H2("Proposal not found"), new Paragraph(notReadable.getMessage()));
        }
    }

    private void save() {
        form.clearErrors();
        try {
            int number = proposals.save(proposalId, base, form.draft());
            Forms.success("Saved as revision " + number + ".");
            backToProposal();
        } catch (RevisionConflictException clash) {
            showConflict(clash);
        } catch (InvalidInputException problem) {
            form.show(problem);
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        } finally {
            save.setEnabled(true);
        }
    }

    /** Shows the other author's changes; the text area keeps what this author typed. */
    private void showConflict(RevisionConflictException clash) {
        Revision theirs = clash.current();
        conflict.removeAll();
        conflict.add(new Paragraph(clash.getMessage() + " Nothing you typed is lost. Below is their version compared with yours "
                + "(underlined: only in theirs; struck through: only in yours). Merge what you want to keep into your text, "
                + "then save again."));
        conflict.add(new Html(TextHtml.diff(WordDiff.diff(form.body.getValue(), theirs.body()))));
        Button useTheirs = new Button("Replace my text with theirs", e -> {
            form.fill(theirs.title(), theirs.summary(), theirs.body());
            conflict.setVisible(false);
        });
        useTheirs.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        conflict.add(useTheirs);
        conflict.setVisible(true);
        // The next save goes on top of their revision.
        base = theirs.number();
    }

    private void backToProposal() {
        getUI().ifPresent(ui -> ui.navigate(ProposalView.class, new RouteParameters("proposalId", String.valueOf(proposalId))));
    }
}
