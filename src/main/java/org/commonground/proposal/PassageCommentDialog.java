package org.commonground.proposal;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.commonground.comment.CommentService;
import org.commonground.comment.CommentThread;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.proposal.text.Passages;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Forms;
import org.commonground.ui.TryAgain;
import org.springframework.security.access.AccessDeniedException;

/** "Comment on this": a comment anchored to the lines selected in the numbered text, quoting the words selected. */
class PassageCommentDialog extends Dialog {

    final TextArea body = new TextArea("Comment");
    final RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>("Who sees it");
    final Button post = new Button("Post comment");

    /** {@code posted} hears of the comment once it is in; {@code closed} when the dialog closes either way. */
    PassageCommentDialog(CommentService comments, long proposalId, int revision, int from, int to, String quote, SignedInMember me,
                         LongConsumer posted, Runnable closed) {
        String lines = Passages.citeLines(List.<int[]>of(new int[] {from, to}));
        setHeaderTitle("Comment on " + lines);
        Paragraph cited = new Paragraph(quote.isBlank() ? "On " + lines + " of revision " + revision + "."
                : "On " + lines + " of revision " + revision + ": \u201c" + quote + "\u201d");
        cited.addClassName("cg-anchor");
        body.setWidthFull();
        body.setHelperText("Markdown: **bold**, _italic_, [links](https://example.org).");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.SHARED ? "Everyone in the group" : "Only " + me.partyCode() + " members");
        visibility.setValue(Visibility.SHARED);
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(e -> {
            Forms.clear(body);
            try {
                long id = comments.post(proposalId, NewComment.onPassage(visibility.getValue(), revision, from, to,
                        quote.isBlank() ? null : quote, body.getValue()));
                close();
                TryAgain.afterSaving(() -> posted.accept(id), CommentThread.SAVED_NOT_SHOWN);
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("body", body));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            } catch (RuntimeException failed) {
                TryAgain.refuseAt(failed, body);
            }
        });
        add(cited, body, visibility);
        getFooter().add(new Button("Cancel", e -> close()), post);
        setWidth("36rem");
        setMaxWidth("100%");
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                closed.run();
            }
        });
        body.focus();
    }
}
