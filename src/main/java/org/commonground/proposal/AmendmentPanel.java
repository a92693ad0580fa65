package org.commonground.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.CommentThread;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextRange;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/** The amendments of a proposal: a form to propose one, and each amendment with its diff, state, actions and thread. */
class AmendmentPanel extends Div {

    final IntegerField from;
    final IntegerField to;
    final TextArea replacement = new TextArea("Replace with");
    final TextArea reason = new TextArea("Reason");
    final Button propose = new Button("Propose amendment");

    private final AmendmentService amendments;
    private final Runnable onChange;
    private final List<CommentThread> threads = new ArrayList<>();
    private final CompromisePart compromises;

    /** {@code onChange} reloads the page after an amendment changed; {@code onCommentsChanged} only its comments. */
    AmendmentPanel(AmendmentService amendments, CompromiseService compromiseService, CommentService commentService, ProposalDetails details,
                   List<Amendment> list, List<Comment> thread, SignedInMember me, Runnable onChange, LongConsumer onCommentsChanged) {
        this.amendments = amendments;
        this.onChange = onChange;
        addClassName("cg-amendments");
        long open = list.stream().filter(Amendment::isOpen).count();
        add(new H3("Amendments (" + list.size() + (open > 0 ? ", " + open + " open" : "") + ")"));
        List<NumberedLine> lines = details.lines();
        from = CommentThread.lineField("From line", lines.size());
        to = CommentThread.lineField("to line", lines.size());
        if (details.canAmend()) {
            Button byEditing = new Button("Propose an amendment", e -> getUI().ifPresent(ui -> ui.navigate(AmendmentEditorView.class,
                    new RouteParameters("proposalId", String.valueOf(details.proposal().id())))));
            byEditing.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(byEditing, form(details, lines));
        }
        if (details.canDecideAmendments() && open > 1) {
            Button several = new Button("Merge several…", e -> e.getSource().getUI().ifPresent(ui -> MergeView.open(ui, details.proposal().id(), List.of())));
            several.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(several);
        }
        compromises = new CompromisePart(compromiseService, amendments, details, me, onChange);
        compromises.form(list).ifPresent(this::add);
        for (Amendment a : list) {
            CommentThread comments = new CommentThread(commentService, details.proposal().id(), a.id(), thread, me,
                    details.canComment(), onCommentsChanged);
            threads.add(comments);
            add(card(a, details, me, comments));
        }
    }

    void updateComments(List<Comment> thread) {
        threads.forEach(t -> t.update(thread));
    }

    private Details form(ProposalDetails details, List<NumberedLine> lines) {
        replacement.setMaxLength(AmendmentService.MAX_REPLACEMENT);
        replacement.setWidthFull();
        replacement.setHelperText("Leave empty to delete the lines.");
        reason.setMaxLength(5000);
        reason.setWidthFull();
        Button current = new Button("Start from the current wording", e -> {
            if (from.getValue() != null && to.getValue() != null
                    && AmendmentService.lineProblems(from.getValue(), to.getValue(), lines.size()).isEmpty()) {
                // The source of those lines, Markdown list markers between them included, is what gets replaced.
                TextRange range = LineNumbering.range(lines, from.getValue(), to.getValue());
                replacement.setValue(details.current().body().substring(range.start(), range.end()));
            }
        });
        current.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        // A one-line amendment needs only "From line"; a "to line" already typed is never changed behind the member's back.
        from.addValueChangeListener(e -> {
            if (to.getValue() == null) {
                to.setValue(e.getValue());
            }
        });
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.addClickListener(e -> {
            Forms.clear(from, to, replacement, reason);
            if (from.getValue() == null || to.getValue() == null) {
                Forms.show(new InvalidInputException(from.getValue() == null ? "fromLine" : "toLine", "Enter the lines to amend."), fields());
            } else if (replacement.getValue().isBlank()
                    && AmendmentService.lineProblems(from.getValue(), to.getValue(), lines.size()).isEmpty()) {
                confirmDeletion(details, from.getValue(), to.getValue());
            } else {
                proposeLines(() -> amendments.propose(details.proposal().id(), details.current().number(), from.getValue(), to.getValue(),
                        replacement.getValue(), reason.getValue()));
            }
        });
        HorizontalLayout where = new HorizontalLayout(from, to, current);
        where.setAlignItems(FlexComponent.Alignment.BASELINE);
        where.setWrap(true);
        // The accessible fallback to editing the text: lines named by number, their replacement typed.
        Details form = new Details("Or name lines by number", new Div(where, replacement, reason, propose));
        form.addClassName("cg-amendment-form");
        form.setId("amend-by-number");
        return form;
    }

    /** An empty replacement deletes the lines: the member says so before anything is proposed. */
    private void confirmDeletion(ProposalDetails details, int fromLine, int toLine) {
        String lines = Passages.citeLines(List.of(new int[] {fromLine, toLine}));
        boolean one = fromLine == toLine;
        ConfirmDialog confirm = new ConfirmDialog("Delete " + lines + "?", "The replacement is empty, so this amendment proposes deleting "
                + lines + " and putting nothing in " + (one ? "its" : "their") + " place.", "Propose deleting " + (one ? "it" : "them"),
                c -> proposeLines(() -> amendments.proposeDeletion(details.proposal().id(), details.current().number(), fromLine, toLine,
                        reason.getValue())));
        confirm.setCancelable(true);
        confirm.setCancelText("Go back");
        // Back where the member was: the replacement they left empty.
        confirm.addCancelListener(c -> replacement.focus());
        confirm.open();
    }

    private void proposeLines(Supplier<Amendment> proposal) {
        try {
            Amendment a = proposal.get();
            Forms.success(a.citation() + " proposed.");
            onChange.run();
        } catch (InvalidInputException problem) {
            Forms.show(problem, fields());
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }

    /** The form's fields by the names the service gives its problems. */
    private Map<String, HasValidation> fields() {
        return Map.of("fromLine", from, "toLine", to, "replacement", replacement, "reason", reason);
    }

    private Div card(Amendment a, ProposalDetails details, SignedInMember me, CommentThread thread) {
        Div card = new Div();
        card.addClassNames("cg-card", "cg-amendment");
        // Where focus returns when a decision on the amendment rebuilt the page (see Confirmation).
        card.setId("amendment-" + a.number());
        Span title = new Span(a.citation());
        title.addClassName("cg-card-title");
        Span state = AmendmentBadge.of(a.state());
        Div heading = new Div(title, state);
        heading.addClassName("cg-card-heading");
        if (a.revision() != details.current().number()) {
            heading.add(flag("of revision " + a.revision()));
        }
        if (a.outdated() && a.state() == AmendmentState.PROPOSED) {
            heading.add(flag("No longer applies: another change altered these lines"));
        }
        if (!a.conflictsWith().isEmpty()) {
            heading.add(flag("Conflicts with " + a.conflictsWith().stream().map(n -> "A" + n).collect(Collectors.joining(", "))));
        }
        card.add(heading);
        card.add(new Div(PartyMarker.of(a.proposerParty(), a.proposerColour()), new Span(" " + a.proposerName() + ", " + Dates.day(a.createdAt()))));
        for (AmendmentPassage passage : a.passages()) {
            if (a.passages().size() > 1) {
                card.add(new Paragraph(passage.lines().substring(0, 1).toUpperCase() + passage.lines().substring(1) + ":"));
            }
            card.add(new Html(TextHtml.diff(passage.diff())));
        }
        if (!a.reason().isBlank()) {
            card.add(new Paragraph("Reason: " + a.reason()));
        }
        compromises.forCard(a).ifPresent(card::add);
        if (a.state() == AmendmentState.REJECTED) {
            card.add(new Paragraph("Rejected by " + a.decidedBy() + ": " + a.decisionReason()));
        } else if (a.state() == AmendmentState.ACCEPTED) {
            card.add(new Paragraph("Accepted by " + a.decidedBy() + " into revision " + a.mergedRevision() + "."
                    + (a.decisionReason().isBlank() ? "" : " " + a.decisionReason())));
        } else if (a.state() == AmendmentState.LAPSED) {
            card.add(new Paragraph(a.decisionReason()));
        }
        Div actions = new Div();
        actions.addClassName("cg-card-footer");
        if (a.state() == AmendmentState.PROPOSED) {
            if (details.canDecideAmendments() && a.isOpen()) {
                // Overlapping amendments are resolved side by side in the merge view rather than flagged by a merge.
                Button accept = a.conflictsWith().isEmpty() ? new Button("Accept and merge", e -> Confirmation.ask(e.getSource(),
                        "Accept " + a.citation() + " and merge it?",
                        a.citation() + " by " + a.proposerName() + " becomes part of the text as revision " + (details.current().number() + 1)
                                + "; " + a.proposerName() + " is told. The other open amendments move onto the new text.",
                        "Merge A" + a.number(), () -> act(() -> {
                    int revision = amendments.accept(a.id());
                    Forms.success(a.citation() + " merged into revision " + revision + ".");
                }))) : new Button("Accept and merge…", e -> e.getSource().getUI().ifPresent(ui -> MergeView.open(ui,
                        details.proposal().id(), Stream.concat(Stream.of(a.number()), a.conflictsWith().stream()).toList())));
                accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                actions.add(accept);
            }
            if (details.canDecideAmendments()) {
                Button reject = new Button("Reject…");
                reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                reject.addClickListener(e -> {
                    actions.remove(reject);
                    TextArea why = new TextArea("Why reject " + a.citation() + "?");
                    why.setHelperText("The reason stays visible beside the amendment.");
                    why.setMaxLength(5000);
                    why.setWidthFull();
                    Button confirm = new Button("Reject", c -> {
                        try {
                            amendments.reject(a.id(), why.getValue());
                            onChange.run();
                        } catch (InvalidInputException problem) {
                            Forms.show(problem, Map.of("decisionReason", why));
                        } catch (AccessDeniedException denied) {
                            Forms.error(denied.getMessage());
                        }
                    });
                    confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                    actions.add(why, confirm);
                });
                actions.add(reject);
            }
            if (a.proposerId() == me.id()) {
                Button withdraw = new Button("Withdraw", e -> Confirmation.destructive(e.getSource(), "Withdraw " + a.citation() + "?",
                        "Your amendment is closed for good: it can no longer be accepted or put to the vote, and stays on the page as withdrawn.",
                        "Withdraw A" + a.number(), () -> act(() -> amendments.withdraw(a.id()))));
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                actions.add(withdraw);
            }
        }
        card.add(actions, thread);
        return card;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
        }
        onChange.run();
    }

    private static Span flag(String text) {
        Span flag = new Span(text);
        flag.addClassName("cg-flag");
        return flag;
    }
}
