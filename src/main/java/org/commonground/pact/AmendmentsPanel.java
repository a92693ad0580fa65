package org.commonground.pact;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.pact.terms.PactTerms;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.CommentThread;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.OwnMarkup;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * The pact page's changes to the terms: a convenor's direct revision or a member's proposed amendment, and every
 * amendment with its difference, decision and discussion.
 */
class AmendmentsPanel extends Div {

    private final PactService pacts;
    private final PactAmendmentService amendmentService;
    private final CommentService comments;
    private final SignedInMember me;
    private final long pactId;
    private final Runnable changed;

    AmendmentsPanel(PactService pacts, PactAmendmentService amendmentService, CommentService comments, SignedInMember me, PactDetails d,
                    List<Comment> thread, Map<String, String> colours, Runnable changed) {
        this.pacts = pacts;
        this.amendmentService = amendmentService;
        this.comments = comments;
        this.me = me;
        this.pactId = d.summary().id();
        this.changed = changed;
        if (d.canEditTerms()) {
            add(editor(d, true, colours));
        } else if (d.canAmend()) {
            add(editor(d, false, colours));
        }
        add(amendments(d, thread));
    }

    private Div editor(PactDetails d, boolean direct, Map<String, String> colours) {
        Div box = new Div(new H3(direct ? "Change the terms" : "Propose an amendment"));
        box.addClassName("cg-section");
        TermsEditor editor = new TermsEditor(d.terms(), d.offered(), d.constituencies(), colours);
        TextArea note = new TextArea(direct ? "Note on this revision" : "Reason for the amendment");
        note.setMaxLength(direct ? 500 : PactService.MAX_REASON);
        note.setWidthFull();
        Span problem = new Span();
        problem.addClassName("cg-error");
        problem.getElement().setAttribute("role", "alert");
        int revision = d.summary().currentRevision();
        Button save = new Button(direct ? "Save as revision " + (revision + 1) : "Propose amendment", e -> {
            problem.setText("");
            Forms.clear(editor.conditions, note);
            try {
                if (direct) {
                    pacts.revise(pactId, revision, editor.value(), note.getValue());
                } else {
                    amendmentService.proposeAmendment(pactId, editor.value(), note.getValue());
                }
                changed.run();
            } catch (InvalidInputException bad) {
                // Everything typed stays in the form.
                // Every problem with the seats at once, so they can all be fixed before saving again.
                problem.setText(bad.messageFor("seats") == null ? "" : bad.getMessage());
                Forms.show(bad, Map.of("conditions", editor.conditions, "note", note, "reason", note));
                if (bad.messageFor("seats") == null && bad.messageFor("conditions") == null && bad.messageFor("note") == null
                        && bad.messageFor("reason") == null) {
                    problem.setText(bad.getMessage());
                }
            } catch (AccessDeniedException denied) {
                problem.setText(denied.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(editor, note, problem, save);
        return box;
    }

    private Div amendments(PactDetails d, List<Comment> thread) {
        Div box = new Div(new H3("Amendments"));
        box.addClassName("cg-section");
        if (d.amendments().isEmpty()) {
            box.add(new Paragraph("No amendments yet."));
        }
        for (PactAmendment a : d.amendments()) {
            Div card = new Div();
            card.addClassName("cg-card");
            // Where focus returns when a decision on the amendment rebuilt the page (see Confirmation).
            card.setId("pact-amendment-" + a.number());
            PactTerms base = d.revisions().stream().filter(r -> r.number() == a.baseRevision()).findFirst().map(PactRevision::terms).orElse(d.terms());
            card.add(new Paragraph("Amendment " + a.number() + " by " + a.proposerName() + " (" + a.proposerParty() + ") to revision " + a.baseRevision()
                    + " · " + a.state().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (a.mergedRevision() != null ? ", became revision " + a.mergedRevision() : "")));
            card.add(OwnMarkup.of(TextHtml.diff(WordDiff.diff(base.asText(), a.terms().asText()))));
            if (!a.reason().isBlank()) {
                card.add(new Paragraph("Reason: " + a.reason()));
            }
            if (!a.decisionReason().isBlank()) {
                card.add(new Paragraph("Decision: " + a.decisionReason()));
            }
            if (a.open() && d.state() == PactState.NEGOTIATING) {
                Div actions = new Div();
                actions.addClassName("cg-actions");
                if (d.convenor()) {
                    TextField reason = new TextField("Reason to reject");
                    reason.setMaxLength(PactService.MAX_REASON);
                    Button accept = new Button("Accept A" + a.number());
                    accept.addClickListener(e -> Confirmation.ask(accept, "Accept A" + a.number() + " into the terms?",
                            "Its change becomes a new revision of the pact's terms, which every party then reads and ratifies.",
                            "Accept A" + a.number() + " into the terms", () -> act(() -> amendmentService.acceptAmendment(a.id()))));
                    accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                    Button reject = new Button("Reject A" + a.number(), e -> {
                        Forms.clear(reason);
                        try {
                            amendmentService.rejectAmendment(a.id(), reason.getValue());
                            changed.run();
                        } catch (InvalidInputException problem) {
                            Forms.show(problem, Map.of("reason", reason));
                        } catch (AccessDeniedException denied) {
                            Forms.error(denied.getMessage());
                        }
                    });
                    reject.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    actions.add(accept, reason, reject);
                }
                if (a.proposerId() == me.id()) {
                    Button withdraw = new Button("Withdraw", e -> Confirmation.destructive(e.getSource(), "Withdraw amendment " + a.number() + "?",
                            "Your amendment to the terms is closed for good: the convenors can no longer accept it, and it stays on the page as withdrawn.",
                            "Withdraw amendment " + a.number(), () -> act(() -> amendmentService.withdrawAmendment(a.id()))));
                    withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    actions.add(withdraw);
                }
                card.add(actions);
            }
            card.add(CommentThread.onPact(comments, pactId, a.id(), thread, me, d.canComment(), touched -> changed.run()));
            box.add(card);
        }
        return box;
    }

    private void act(Runnable action) {
        try {
            action.run();
            changed.run();
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
        }
    }
}
