package org.commonground.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.TextRange;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.springframework.security.access.AccessDeniedException;

/**
 * Proposing an amendment by editing the text: the Markdown source in a text area beside its numbered preview. The
 * source, not a rich-text editor, because what is edited is exactly what is stored and numbered: a rich-text editor
 * round-trips through HTML and could rewrite untouched lines (list markers, emphasis, spacing) into spurious
 * passages. "Review changes" shows each changed passage cited by line with its word diff; proposing it needs a
 * reason. Query parameters {@code from} and {@code to} (line numbers) select those lines' source to start from.
 */
@Route("proposals/:proposalId(\\d+)/amend")
@PermitAll
public class AmendmentEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProposalService proposals;
    private final AmendmentService amendments;
    final TextArea source = new TextArea("Amended text (Markdown)");
    final Div preview = new Div();
    final Button review = new Button("Review changes");
    final Div changes = new Div();
    final TextArea reason = new TextArea("Reason");
    final Button propose = new Button("Propose amendment");
    private final H3 changesHeading = new H3("Your changes");
    private final Paragraph citation = new Paragraph();
    private final Div staleNotice = new Div();
    private long proposalId;
    /** The revision the member is editing; their edit is diffed against it, never against a newer one. */
    private int base;
    private String baseText = "";
    private int lineWidth = LineNumbering.MIN_WIDTH;
    private String title = "Amend";

    public AmendmentEditorView(ProposalService proposals, AmendmentService amendments) {
        this.proposals = proposals;
        this.amendments = amendments;
        addClassName("cg-page");
        // No maxlength: a browser trims a paste beyond it without a word; the service names the limit instead.
        source.setWidthFull();
        source.addClassName("cg-amend-source");
        source.setHelperText("Change anything, anywhere: each run of changed lines becomes a passage of one amendment.");
        source.setValueChangeMode(ValueChangeMode.LAZY);
        source.setValueChangeTimeout(400);
        source.addValueChangeListener(e -> {
            showPreview();
            // What was reviewed is no longer what would be proposed.
            if (e.isFromClient()) {
                changes.setVisible(false);
            }
        });
        preview.addClassName("cg-amend-preview");
        preview.getElement().setAttribute("role", "region");
        preview.getElement().setAttribute("aria-label", "Numbered preview of the amended text");
        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        review.addClickListener(e -> review());
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Shown with the amendment and read before the vote.");
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setDisableOnClick(true);
        propose.addClickListener(e -> propose());
        changes.addClassName("cg-amend-review");
        changes.setVisible(false);
        staleNotice.addClassName("cg-conflict");
        staleNotice.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        ProposalDetails details;
        try {
            details = proposals.details(proposalId);
        } catch (InvalidInputException notReadable) {
            removeAll();
            add(new H2("Proposal not found"), new Paragraph(notReadable.getMessage()));
            return;
        }
        if (!details.canAmend()) {
            Forms.error("Amendments can be proposed only by the group's members while the proposal is in discussion.");
            event.forwardTo(ProposalView.class, new RouteParameters("proposalId", String.valueOf(proposalId)));
            return;
        }
        title = "Amend \u201c" + details.proposal().title() + "\u201d";
        lineWidth = details.proposal().lineWidth();
        start(details.current().number(), details.current().body());
        Anchor back = new Anchor("proposals/" + proposalId, "Back to the proposal");
        Anchor byNumber = new Anchor("proposals/" + proposalId + "#amend-by-number", "name lines by number instead");
        Paragraph intro = new Paragraph(new Span("Edit the text of revision " + base
                + " as you would have it; the preview numbers the lines as the group will see them. Or "), byNumber,
                new Span("."));
        Div editor = new Div(source, new Div(new H3("Preview"), preview));
        editor.addClassName("cg-amend-editor");
        changes.removeAll();
        changes.add(changesHeading, citation, reason, new HorizontalLayout(propose));
        Button cancel = new Button("Cancel", e -> backToProposal());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        removeAll();
        add(back, new H2(title), intro, staleNotice, editor, new HorizontalLayout(review, cancel), changes);
        startingPoint(details.lines(), event.getLocation().getQueryParameters().getSingleParameter("from"),
                event.getLocation().getQueryParameters().getSingleParameter("to"));
    }

    @Override
    public String getPageTitle() {
        return title + " · Common Ground";
    }

    private void start(int revision, String text) {
        base = revision;
        baseText = text;
        source.setValue(text);
        showPreview();
    }

    /** Selects the source of lines {@code from}–{@code to} and scrolls it into view; nonsense numbers select nothing. */
    private void startingPoint(List<NumberedLine> lines, Optional<String> from, Optional<String> to) {
        int first;
        int last;
        try {
            first = Integer.parseInt(from.orElse(""));
            last = Integer.parseInt(to.or(() -> from).orElse(""));
        } catch (NumberFormatException none) {
            return;
        }
        if (first < 1 || last < first || last > lines.size()) {
            return;
        }
        TextRange range = LineNumbering.range(lines, first, last);
        // After the page's own move of focus to its heading (a timeout), since the member asked to start here. The
        // caret's height is measured in a copy of the text area holding the text before it, then scrolled to.
        source.getElement().executeJs("""
                setTimeout(() => {
                const area = this.inputElement;
                area.focus();
                area.setSelectionRange($0, $1);
                const copy = document.createElement('textarea');
                const style = getComputedStyle(area);
                copy.style.cssText = 'position:absolute;visibility:hidden;height:0;overflow:hidden;box-sizing:border-box';
                ['width', 'font', 'padding', 'lineHeight', 'letterSpacing', 'whiteSpace', 'wordWrap'].forEach(p => copy.style[p] = style[p]);
                copy.value = area.value.substring(0, $0);
                document.body.appendChild(copy);
                const top = copy.scrollHeight;
                copy.remove();
                const field = this.shadowRoot && this.shadowRoot.querySelector('[part="input-field"]');
                if (field) { field.scrollTop = Math.max(0, top - 3 * parseFloat(style.lineHeight || 20)); }
                this.scrollIntoView({block: 'start'});
                }, 0);""", range.start(), range.end());
    }

    private void showPreview() {
        preview.removeAll();
        // The browser's length limit binds only honest browsers: nothing longer is numbered here.
        if (source.getValue().length() > ProposalService.MAX_BODY) {
            preview.add(new Paragraph("The text is longer than " + Numbers.grouped(ProposalService.MAX_BODY) + " characters, so it cannot be previewed or proposed."));
            return;
        }
        List<NumberedLine> lines = LineNumbering.number(source.getValue(), lineWidth);
        preview.add(lines.isEmpty() ? new Paragraph("The text is empty.") : new Html(TextHtml.numbered(lines)));
    }

    /** Each changed passage, cited by line in the revision being amended, with its word diff. */
    private void review() {
        Forms.clear(source);
        List<AmendmentPassage> passages;
        try {
            passages = amendments.previewEdit(proposalId, base, source.getValue());
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("text", source));
            return;
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
            return;
        }
        if (passages.isEmpty()) {
            source.setErrorMessage("Nothing has changed: edit the words you want to amend.");
            source.setInvalid(true);
            changes.setVisible(false);
            return;
        }
        changes.removeAll();
        String cited = Passages.citeLines(passages.stream().map(p -> new int[] {p.fromLine(), p.toLine()}).toList());
        citation.setText("Your amendment will be cited as an amendment to " + cited + " of revision " + base
                + ". Check each change, then say why.");
        changes.add(changesHeading, citation);
        for (AmendmentPassage p : passages) {
            Div passage = new Div(new Paragraph(Character.toUpperCase(p.lines().charAt(0)) + p.lines().substring(1) + ":"),
                    new Html(TextHtml.diff(p.diff())));
            passage.addClassName("cg-amend-passage");
            changes.add(passage);
        }
        changes.add(reason, new HorizontalLayout(propose));
        changes.setVisible(true);
        Focus.on(changesHeading);
    }

    private void propose() {
        Forms.clear(source, reason);
        try {
            Amendment a = amendments.proposeByEdit(proposalId, base, source.getValue(), reason.getValue());
            Forms.success(a.citation() + " proposed.");
            backToProposal();
        } catch (InvalidInputException problem) {
            if (problem.messageFor("text") != null && problem.messageFor("text").startsWith("The text changed")) {
                offerCarryOver();
            }
            Forms.show(problem, Map.of("text", source, "reason", reason));
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        } finally {
            propose.setEnabled(true);
        }
    }

    /**
     * Someone merged a change while the member edited: their edit is kept as it is, and they may carry its passages
     * over to the new revision (each passage moves with its words, as open amendments do) to review them again.
     */
    private void offerCarryOver() {
        Revision current = proposals.details(proposalId).current();
        staleNotice.removeAll();
        Optional<String> carried = source.getValue().length() > ProposalService.MAX_BODY ? Optional.empty()
                : Passages.carryOver(baseText, source.getValue(), current.body(), lineWidth);
        staleNotice.add(new Paragraph("The text changed while you were editing: it is now revision " + current.number()
                + ". Your edit is kept below, still of revision " + base + "."
                + (carried.isPresent() ? "" : " Some of the words you changed were changed too, so carry your changes over by hand.")));
        carried.ifPresent(text -> {
            Button carry = new Button("Carry my changes over to revision " + current.number(), e -> {
                start(current.number(), current.body());
                source.setValue(text);
                showPreview();
                staleNotice.setVisible(false);
                review();
            });
            staleNotice.add(carry);
        });
        staleNotice.setVisible(true);
        changes.setVisible(false);
    }

    private void backToProposal() {
        getUI().ifPresent(ui -> ui.navigate(ProposalView.class, new RouteParameters("proposalId", String.valueOf(proposalId))));
    }
}
