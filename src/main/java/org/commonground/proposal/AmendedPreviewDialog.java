package org.commonground.proposal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.commonground.proposal.text.AmendedPreview;
import org.commonground.proposal.text.TrackedChanges;
import org.commonground.shared.InvalidInputException;

/**
 * The text as it would read with the amendments the member ticks, numbered anew, redrawn at each tick. Ticked
 * amendments that collide are left out and listed. Closing it returns focus to the button that opened it.
 */
class AmendedPreviewDialog extends Dialog {

    final CheckboxGroup<PendingAmendment> choice = new CheckboxGroup<>("Amendments to apply");
    final Paragraph summary = new Paragraph();
    final Div result = new Div();
    private final TrackedChangesService service;
    private final long proposalId;

    AmendedPreviewDialog(TrackedChangesService service, long proposalId, Component opener) {
        this.service = service;
        this.proposalId = proposalId;
        setHeaderTitle("Preview with amendments");
        addClassName("cg-preview-dialog");
        setWidth("60rem");
        setMaxWidth("100%");
        List<PendingAmendment> pending = service.trackedChanges(proposalId).amendments();
        choice.setItems(pending);
        choice.setItemLabelGenerator(a -> a.citation() + " \u00b7 " + a.proposerName() + " (" + a.proposerParty() + ")"
                + (a.state() == AmendmentState.PUT_TO_VOTE ? " \u00b7 under vote" : ""));
        choice.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        choice.setHelperText("Tick any set: the text below shows it applied. Amendments that collide with each other are left out and listed.");
        choice.addValueChangeListener(e -> update());
        // Read out when it changes, so a keyboard or screen-reader user hears what each tick did.
        summary.getElement().setAttribute("aria-live", "polite");
        summary.addClassName("cg-pv-summary");
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
        add(choice, summary, result);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                opener.getElement().callJsFunction("focus");
            }
        });
        update();
    }

    private void update() {
        result.removeAll();
        Set<Long> ids = choice.getValue().stream().map(PendingAmendment::id).collect(Collectors.toSet());
        AmendedPreview preview;
        try {
            preview = service.previewWith(proposalId, ids);
            choice.setInvalid(false);
        } catch (InvalidInputException stale) {
            choice.setInvalid(true);
            choice.setErrorMessage(stale.messageFor("amendments") != null ? stale.messageFor("amendments") : stale.getMessage());
            summary.setText("");
            return;
        }
        summary.setText(summaryOf(preview));
        if (!preview.notApplied().isEmpty()) {
            result.add(AmendmentsInText.collisions("Left out because they collide (lines as numbered in this preview):", preview.notApplied()));
        }
        result.add(new Html(preview.html()));
    }

    static String summaryOf(AmendedPreview preview) {
        List<Integer> left = preview.notApplied().stream().map(TrackedChanges.Collision::number).distinct().toList();
        String applied = !preview.applied().isEmpty() ? "Applied: " + TrackedChanges.joined(preview.applied()) + "."
                : left.isEmpty() ? "No amendment applied: this is the text as it is." : "No amendment applied.";
        return left.isEmpty() ? applied : applied + " Not applied, because they collide: " + TrackedChanges.joined(left) + ".";
    }
}
