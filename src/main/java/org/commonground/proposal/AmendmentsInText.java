package org.commonground.proposal;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.commonground.proposal.text.TrackedChanges.Collision;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

/**
 * "See everything at once": a switch that swaps the numbered text for the same text with every pending amendment
 * inline as tracked changes, and a button to preview the text with any chosen set of them. Placed just above the
 * numbered text, whose place the tracked changes take while the switch is on.
 */
@StyleSheet("styles/tracked-changes.css")
class AmendmentsInText extends Div {

    final Checkbox showInText = new Checkbox("Show amendments in the text");
    final Button preview = new Button("Preview with amendments\u2026", VaadinIcon.EYE.create());
    final Div tracked = new Div();
    private final TrackedChangesService service;
    private final long proposalId;
    private final Component numberedText;

    AmendmentsInText(TrackedChangesService service, long proposalId, Component numberedText) {
        this.service = service;
        this.proposalId = proposalId;
        this.numberedText = numberedText;
        addClassName("cg-amendments-in-text");
        showInText.addValueChangeListener(e -> show(e.getValue()));
        preview.addClickListener(e -> new AmendedPreviewDialog(service, proposalId, preview).open());
        Div controls = new Div(showInText, preview);
        controls.addClassName("cg-tc-controls");
        tracked.setVisible(false);
        add(controls, tracked);
        // The page rebuilds itself on changes; the numbered text it keeps must not stay hidden behind a switch now gone.
        addDetachListener(e -> numberedText.setVisible(true));
    }

    /** Whether a proposal has any amendment the tracked changes would show: still to be decided on its current text. */
    static boolean anyPending(List<Amendment> amendments, int currentRevision) {
        return amendments.stream().anyMatch(a -> TrackedChangesService.pending(a.state(), a.outdated()) && a.revision() == currentRevision);
    }

    private void show(boolean inText) {
        tracked.removeAll();
        if (inText) {
            try {
                TrackedText text = service.trackedChanges(proposalId);
                Paragraph legend = new Paragraph("Revision " + text.revision() + " with " + text.amendments().size()
                        + (text.amendments().size() == 1 ? " amendment" : " amendments")
                        + " still to be decided: struck-through words would go, underlined words would come in, each change headed by its amendment's number.");
                legend.addClassName("cg-tc-legend");
                tracked.add(legend);
                if (!text.collisions().isEmpty()) {
                    tracked.add(collisions("Passages that collide cannot all be merged: each is shown as a note beside the one it collides with.",
                            text.collisions()));
                }
                tracked.add(new Html(text.html()));
            } catch (InvalidInputException notReadable) {
                Forms.error(notReadable.getMessage());
                showInText.setValue(false);
                return;
            }
        }
        tracked.setVisible(inText);
        numberedText.setVisible(!inText);
    }

    static Div collisions(String intro, List<Collision> collisions) {
        UnorderedList list = new UnorderedList();
        collisions.forEach(c -> list.add(new ListItem(c.describe())));
        Div box = new Div(new Paragraph(intro), list);
        box.addClassName("cg-tc-collisions");
        box.getElement().setAttribute("role", "note");
        return box;
    }
}
