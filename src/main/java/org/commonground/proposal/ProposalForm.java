package org.commonground.proposal;

import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.commonground.proposal.text.SafeMarkdown;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;

/** Title, summary, Markdown body with a live preview beside it, and a note for the save. */
class ProposalForm extends Div {

    final TextField title = new TextField("Title");
    final TextArea summary = new TextArea("Summary");
    final TextArea body = new TextArea("Text (Markdown)");
    final TextField note = new TextField("What changed (optional)");
    private final Div preview = new Div();

    ProposalForm() {
        // No maxlength on the fields: a browser trims a paste beyond it without a word. The service refuses what is
        // too long, naming the limit at the field, and the text stays there to be shortened.
        addClassName("cg-proposal-form");
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        summary.setWidthFull();
        body.setHelperText("Headings with #, lists with -, **bold**. Up to 400,000 characters (a whole manifesto). The group sees numbered lines.");
        body.setWidthFull();
        body.setMinHeight("20rem");
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setValueChangeTimeout(500);
        body.addValueChangeListener(e -> showPreview());
        note.setWidthFull();
        preview.addClassName("cg-preview");
        preview.getElement().setAttribute("aria-live", "polite");

        Div editor = new Div(title, summary, body, note);
        editor.addClassName("cg-editor");
        Div previewColumn = new Div(new H3("Preview"), preview);
        previewColumn.addClassName("cg-preview-column");
        add(editor, previewColumn);
        showPreview();
    }

    void fill(String titleText, String summaryText, String bodyText) {
        title.setValue(titleText);
        summary.setValue(summaryText);
        body.setValue(bodyText);
        showPreview();
    }

    ProposalDraft draft() {
        return new ProposalDraft(title.getValue(), summary.getValue(), body.getValue(), note.getValue());
    }

    void show(InvalidInputException problem) {
        Forms.show(problem, Map.of("title", title, "summary", summary, "body", body, "note", note));
    }

    void clearErrors() {
        Forms.clear(title, summary, body, note);
    }

    private void showPreview() {
        preview.removeAll();
        preview.add(new Html(SafeMarkdown.toHtml(body.getValue())));
    }
}
