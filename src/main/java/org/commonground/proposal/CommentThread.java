package org.commonground.proposal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.commonground.proposal.text.SafeMarkdown;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.PartyMarker;
import org.springframework.security.access.AccessDeniedException;

/**
 * The comments on a proposal or one amendment: threaded, rendered from sanitised Markdown, with reply, edit and
 * delete for their authors, and a form for a new comment. {@code onChange} reloads whatever shows the thread; then
 * keyboard focus goes to the comment just posted, edited or deleted, and a button that opens a form hands focus to
 * its text, so focus is never left on something that went away.
 */
public class CommentThread extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm");
    private static final String WHOLE = "The whole proposal";
    private static final String PARAGRAPH = "The paragraph at a line";
    private static final String PASSAGE = "A passage of lines";

    private final CommentService comments;
    private final java.util.function.ToLongFunction<NewComment> poster;
    private final Long amendmentId;
    private final SignedInMember me;
    private final Runnable onChange;
    /** The text of the form for a new comment on the whole proposal, once built. */
    TextArea commentField;

    CommentThread(CommentService comments, long proposalId, Long amendmentId, List<Comment> all, SignedInMember me,
                  boolean canComment, Runnable onChange) {
        this(comments, c -> comments.post(proposalId, c), amendmentId, all, me, canComment, onChange);
    }

    /**
     * The discussion of a pact ({@code amendmentId} null) or of one of its amendments: the same thread, with comments
     * posted on the pact.
     */
    public static CommentThread onPact(CommentService comments, long pactId, Long amendmentId, List<Comment> all, SignedInMember me,
                                      boolean canComment, Runnable onChange) {
        CommentThread thread = new CommentThread(comments, c -> comments.postOnPact(pactId, c), amendmentId, all, me, canComment, onChange);
        if (canComment && amendmentId == null) {
            thread.add(thread.form(null, "Comment on the pact", false));
        }
        return thread;
    }

    private CommentThread(CommentService comments, java.util.function.ToLongFunction<NewComment> poster, Long amendmentId,
                          List<Comment> all, SignedInMember me, boolean canComment, Runnable onChange) {
        this.comments = comments;
        this.poster = poster;
        this.amendmentId = amendmentId;
        this.me = me;
        this.onChange = onChange;
        addClassName("cg-thread");
        List<Comment> mine = all.stream().filter(c -> Objects.equals(c.amendmentId(), amendmentId)).toList();
        for (Comment top : mine.stream().filter(c -> c.parentId() == null).toList()) {
            addTree(top, mine, 0, canComment);
        }
        if (canComment && amendmentId != null) {
            // The form is built on demand: a proposal may have a hundred amendments.
            Button comment = small("Comment on this amendment");
            comment.addClickListener(e -> {
                remove(comment);
                add(form(null, "Comment on this amendment", true));
            });
            add(comment);
        }
    }

    private void addTree(Comment comment, List<Comment> all, int depth, boolean canComment) {
        add(card(comment, depth, canComment));
        for (Comment reply : all.stream().filter(c -> Objects.equals(c.parentId(), comment.id())).toList()) {
            addTree(reply, all, Math.min(depth + 1, 4), canComment);
        }
    }

    private Div card(Comment c, int depth, boolean canComment) {
        Div card = new Div();
        card.addClassName("cg-comment");
        card.setId("comment-" + c.id());
        Focus.focusable(card);
        card.getStyle().set("margin-left", (depth * 1.5) + "rem");
        if (c.deleted()) {
            card.addClassName("cg-comment-deleted");
            card.add(new Span("comment deleted"));
            return card;
        }
        Div head = new Div(PartyMarker.of(c.partyCode(), c.partyColour()), new Span(" " + c.authorName()));
        head.addClassName("cg-comment-head");
        Span when = new Span(WHEN.format(c.createdAt()) + (c.editedAt() != null ? " (edited)" : ""));
        when.addClassName("cg-person-note");
        head.add(when);
        if (c.visibility() == Visibility.CAUCUS) {
            Span caucus = new Span(c.partyCode() + " members only");
            caucus.addClassName("cg-caucus");
            head.add(caucus);
        }
        card.add(head);
        if (c.line() != null) {
            Div anchor = new Div(new Span(c.quote() != null ? "On line " + c.line() + " of revision " + c.revision() + ": "
                    : "On the paragraph at line " + c.line() + " of revision " + c.revision()));
            anchor.addClassName("cg-anchor");
            if (c.quote() != null) {
                Span quote = new Span("\u201c" + c.quote() + "\u201d");
                quote.addClassName("cg-quote");
                anchor.add(quote);
            }
            card.add(anchor);
        }
        Div body = new Div(new Html(SafeMarkdown.toHtml(c.body())));
        card.add(body);
        Div actions = new Div();
        actions.addClassName("cg-comment-actions");
        if (canComment) {
            Button reply = small("Reply");
            reply.addClickListener(e -> {
                reply.setVisible(false);
                card.add(form(c.id(), "Reply to " + c.authorName(), true));
            });
            actions.add(reply);
        }
        if (c.authorId() == me.id()) {
            Button edit = small("Edit");
            edit.addClickListener(e -> {
                edit.setVisible(false);
                card.remove(body);
                TextArea text = new TextArea();
                text.setAriaLabel("Edit comment");
                text.setValue(c.body());
                text.setMaxLength(CommentService.MAX_BODY);
                text.setWidthFull();
                Button save = new Button("Save", s -> act(() -> {
                    comments.edit(c.id(), text.getValue());
                    return c.id();
                }, text));
                card.addComponentAtIndex(card.getComponentCount() - 1, new Div(text, save));
                text.focus();
            });
            // Rewording is commenting, so it ends with the discussion; taking a comment back does not.
            edit.setVisible(canComment);
            Button delete = small("Delete");
            delete.addClickListener(e -> act(() -> {
                comments.delete(c.id());
                return c.id();
            }, null));
            actions.add(edit, delete);
        }
        card.add(actions);
        return card;
    }

    /** A new comment (or a reply, when {@code parentId} is set); {@code focus} when a button just made it appear. */
    Div form(Long parentId, String label, boolean focus) {
        TextArea text = new TextArea(label);
        text.setMaxLength(CommentService.MAX_BODY);
        text.setWidthFull();
        text.setHelperText("Markdown: **bold**, _italic_, [links](https://example.org).");
        RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>();
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.SHARED ? "Everyone in the group" : "Only " + me.partyCode() + " members");
        visibility.setValue(Visibility.SHARED);
        visibility.setAriaLabel("Who sees it");
        Button post = new Button(parentId == null ? "Post comment" : "Post reply");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        post.addClickListener(e -> act(() -> poster.applyAsLong(
                new NewComment(amendmentId, parentId, visibility.getValue(), null, null, null, false, text.getValue())), text));
        Div form = new Div(text, visibility, post);
        form.addClassName("cg-comment-form");
        if (focus) {
            text.focus();
        }
        return form;
    }

    /** Runs {@code action}, which names the comment it touched; after the reload, focus goes to that comment. */
    private void act(LongSupplier action, TextArea field) {
        try {
            long touched = action.getAsLong();
            onChange.run();
            Focus.onId("comment-" + touched);
        } catch (InvalidInputException problem) {
            if (field != null) {
                Forms.show(problem, Map.of("body", field));
            } else {
                Forms.error(problem.getMessage());
            }
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }

    private static Button small(String text) {
        Button b = new Button(text);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** A new comment on the proposal: on all of it, on the paragraph at a line, or on a passage of lines of {@code revision}. */
    Div anchoredForm(int revision, int lineCount) {
        TextArea text = new TextArea("Comment");
        commentField = text;
        text.setMaxLength(CommentService.MAX_BODY);
        text.setWidthFull();
        text.setHelperText("Markdown: **bold**, _italic_, [links](https://example.org).");
        Select<String> on = new Select<>();
        on.setLabel("On");
        on.setItems(WHOLE, PARAGRAPH, PASSAGE);
        on.setValue(WHOLE);
        // Wide enough for its longest choice, which was cut off at the default width.
        on.setWidth("17rem");
        on.setMaxWidth("100%");
        IntegerField from = lineField("Line", lineCount);
        IntegerField to = lineField("to line", lineCount);
        from.setVisible(false);
        to.setVisible(false);
        on.addValueChangeListener(e -> {
            from.setVisible(!WHOLE.equals(e.getValue()));
            to.setVisible(PASSAGE.equals(e.getValue()));
        });
        RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>("Who sees it");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.SHARED ? "Everyone in the group" : "Only " + me.partyCode() + " members");
        visibility.setValue(Visibility.SHARED);
        Button post = new Button("Post comment");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(e -> {
            Forms.clear(text, from);
            boolean anchored = !WHOLE.equals(on.getValue());
            boolean passage = PASSAGE.equals(on.getValue());
            try {
                long posted = poster.applyAsLong(new NewComment(null, null, visibility.getValue(), anchored ? revision : null,
                        anchored ? from.getValue() : null, passage ? to.getValue() : null, passage, text.getValue()));
                onChange.run();
                Focus.onId("comment-" + posted);
            } catch (InvalidInputException problem) {
                if (anchored && from.getValue() == null) {
                    from.setErrorMessage("Enter a line number.");
                    from.setInvalid(true);
                }
                Forms.show(problem, Map.of("body", text, "fromLine", from));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            }
        });
        HorizontalLayout where = new HorizontalLayout(on, from, to);
        where.setWrap(true);
        where.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div form = new Div(text, where, visibility, post);
        form.addClassName("cg-comment-form");
        return form;
    }

    static IntegerField lineField(String label, int lineCount) {
        IntegerField field = new IntegerField(label);
        field.setMin(1);
        field.setMax(Math.max(1, lineCount));
        field.setStepButtonsVisible(true);
        field.setWidth("9rem");
        return field;
    }
}
