package org.commonground.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.commonground.proposal.text.SafeMarkdown;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.OwnMarkup;
import org.commonground.ui.StackedHtml;
import org.commonground.ui.TryAgain;
import org.springframework.security.access.AccessDeniedException;

/**
 * The comments on a proposal or one amendment: threaded, rendered from sanitised Markdown, with reply, edit and
 * delete for their authors, and a form for a new comment. After a member's own post, edit or delete,
 * {@code onChange} is told which comment it touched, to reload whatever shows the thread (through {@link #update},
 * which redraws only the comments that changed, or by rebuilding the page); then keyboard focus goes to the comment just posted, edited or deleted,
 * and a button that opens a form hands focus to its text, so focus is never left on something that went away.
 */
public class CommentThread extends Div {

    /**
     * No maxlength on the field: a browser trims what is pasted beyond it without a word. A longer comment is kept
     * in the field and refused with the limit named, so the member can shorten it.
     */
    private static final String HELP = "Markdown: **bold**, _italic_, [links](https://example.org). Up to "
            + Numbers.grouped(CommentService.MAX_BODY) + " characters.";

    public static final String SAVED_NOT_SHOWN = "Your comment is saved. The page could not be brought up to date just now; "
            + "it will show your comment when you reload it.";

    private static final String WHOLE = "The whole proposal";
    private static final String PARAGRAPH = "The paragraph at a line";
    private static final String PASSAGE = "A passage of lines";

    private final CommentService comments;
    private final java.util.function.ToLongFunction<NewComment> poster;
    private final Long amendmentId;
    private final SignedInMember me;
    private final LongConsumer onChange;
    private final boolean canComment;
    /** The comments shown, in page order: the thread's first children are their cards, one each, in the same order. */
    private final List<Placed> shown = new ArrayList<>();
    /** The text of the form for a new comment on the whole proposal, once built. */
    public TextArea commentField;

    public CommentThread(CommentService comments, long proposalId, Long amendmentId, List<Comment> all, SignedInMember me,
                  boolean canComment, LongConsumer onChange) {
        this(comments, c -> comments.post(proposalId, c), amendmentId, all, me, canComment, onChange);
    }

    /**
     * The discussion of a pact ({@code amendmentId} null) or of one of its amendments: the same thread, with comments
     * posted on the pact.
     */
    public static CommentThread onPact(CommentService comments, long pactId, Long amendmentId, List<Comment> all, SignedInMember me,
                                      boolean canComment, LongConsumer onChange) {
        CommentThread thread = new CommentThread(comments, c -> comments.postOnPact(pactId, c), amendmentId, all, me, canComment, onChange);
        if (canComment && amendmentId == null) {
            thread.add(thread.form(null, null, "Comment on the pact", false, posted -> { }));
        }
        return thread;
    }

    private CommentThread(CommentService comments, java.util.function.ToLongFunction<NewComment> poster, Long amendmentId,
                          List<Comment> all, SignedInMember me, boolean canComment, LongConsumer onChange) {
        this.comments = comments;
        this.poster = poster;
        this.amendmentId = amendmentId;
        this.me = me;
        this.onChange = onChange;
        this.canComment = canComment;
        addClassName("cg-thread");
        update(all);
        if (canComment && amendmentId != null) {
            // The form is built on demand: a proposal may have a hundred amendments.
            Button comment = small("Comment on this amendment");
            comment.addClickListener(e -> {
                comment.setVisible(false);
                add(form(null, null, "Comment on this amendment", true, posted -> {
                    remove(posted);
                    comment.setVisible(true);
                }));
            });
            add(comment);
        }
    }

    /** A comment and how deep in its thread it sits. */
    private record Placed(Comment comment, int depth) {
    }

    /**
     * Shows this thread's part of {@code all}. The cards of comments that did not change stay as they are (a reply
     * being written in one stays open), so posting to a long discussion redraws one card, not the discussion.
     */
    public void update(List<Comment> all) {
        Map<Long, List<Comment>> replies = new HashMap<>();
        List<Comment> tops = new ArrayList<>();
        for (Comment c : all) {
            if (Objects.equals(c.amendmentId(), amendmentId)) {
                (c.parentId() == null ? tops : replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>())).add(c);
            }
        }
        List<Placed> wanted = new ArrayList<>();
        tops.forEach(top -> place(top, 0, replies, wanted));
        int i = 0;
        for (Placed w : wanted) {
            int at = shownFrom(i, w.comment().id());
            if (at < 0) {
                addComponentAtIndex(i, card(w));
                shown.add(i, w);
            } else {
                for (int gone = at - i; gone > 0; gone--) {
                    removeCard(i);
                }
                if (!shown.get(i).equals(w)) {
                    removeCard(i);
                    addComponentAtIndex(i, card(w));
                    shown.add(i, w);
                }
            }
            i++;
        }
        while (shown.size() > i) {
            removeCard(i);
        }
    }

    private static void place(Comment comment, int depth, Map<Long, List<Comment>> replies, List<Placed> into) {
        into.add(new Placed(comment, depth));
        replies.getOrDefault(comment.id(), List.of()).forEach(reply -> place(reply, Math.min(depth + 1, 4), replies, into));
    }

    private int shownFrom(int start, long commentId) {
        for (int k = start; k < shown.size(); k++) {
            if (shown.get(k).comment().id() == commentId) {
                return k;
            }
        }
        return -1;
    }

    private void removeCard(int index) {
        remove(getComponentAt(index));
        shown.remove(index);
    }

    /**
     * A comment's card: what it says written as one piece of escaped markup ({@link OwnMarkup}), its buttons as
     * components. A card made of a dozen components, its Markdown parsed again by {@code Html}, cost more than the
     * comment's own post under bench/run-load.
     */
    private Div card(Placed placed) {
        Comment c = placed.comment();
        int depth = placed.depth();
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
        Div said = OwnMarkup.of(said(c));
        card.add(OwnMarkup.of(heading(c)), said);
        Div actions = new Div();
        actions.addClassName("cg-comment-actions");
        if (canComment) {
            Button reply = small("Reply");
            reply.addClickListener(e -> {
                reply.setVisible(false);
                card.add(form(c.id(), c.visibility(), "Reply to " + c.authorName(), true, posted -> {
                    card.remove(posted);
                    reply.setVisible(true);
                }));
            });
            actions.add(reply);
        }
        if (c.authorId() == me.id()) {
            Button edit = small("Edit");
            edit.addClickListener(e -> {
                edit.setVisible(false);
                card.remove(said);
                TextArea text = new TextArea();
                text.setAriaLabel("Edit comment");
                text.setValue(c.body());
                text.setHelperText(HELP);
                text.setWidthFull();
                Button save = new Button("Save", s -> act(() -> {
                    comments.edit(c.id(), text.getValue());
                    return c.id();
                }, text, () -> { }));
                card.addComponentAtIndex(card.getComponentCount() - 1, new Div(text, save));
                text.focus();
            });
            // Rewording is commenting, so it ends with the discussion; taking a comment back does not.
            edit.setVisible(canComment);
            Button delete = small("Delete");
            delete.addClickListener(e -> act(() -> {
                comments.delete(c.id());
                return c.id();
            }, null, () -> { }));
            actions.add(edit, delete);
        }
        card.add(actions);
        return card;
    }

    /** Who wrote it and when, to whom it is shown, and the lines it is on. */
    private static String heading(Comment c) {
        StringBuilder html = new StringBuilder("<div class=\"cg-comment-head\">")
                .append(StackedHtml.partyMarker(c.partyCode(), c.partyColour())).append("<span> ").append(StackedHtml.text(c.authorName()))
                .append("</span><span class=\"cg-person-note\">").append(StackedHtml.text(Dates.recent(c.createdAt()) + (c.editedAt() != null ? " (edited)" : "")))
                .append("</span>");
        if (c.visibility() == Visibility.CAUCUS) {
            html.append("<span class=\"cg-caucus\">").append(StackedHtml.text(c.partyCode() + " members only")).append("</span>");
        }
        html.append("</div>");
        if (c.line() != null) {
            // Lines are numbered in the revision named; once its words have changed, no line of today's text is cited.
            String on = c.cites() + " of revision " + c.revision() + (c.quote() != null ? ": " : ".");
            html.append(c.changedIn() == null ? "<div class=\"cg-anchor\"><span>" + StackedHtml.text("On " + on)
                    : "<div class=\"cg-anchor cg-anchor-changed\"><span>" + StackedHtml.text("The passage this comment was on has changed since. It was on " + on));
            html.append("</span>");
            if (c.quote() != null) {
                html.append("<span class=\"cg-quote\">").append(StackedHtml.text("\u201c" + c.quote() + "\u201d")).append("</span>");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    /** The comment's Markdown as HTML that cannot run script ({@link SafeMarkdown}). */
    private static String said(Comment c) {
        return SafeMarkdown.toHtml(c.body());
    }

    /**
     * A new comment (or a reply, when {@code parentId} is set); {@code focus} when a button just made it appear.
     * Once its comment is posted, the form is emptied and handed to {@code posted} (to close it, say).
     */
    Div form(Long parentId, Visibility parentVisibility, String label, boolean focus, Consumer<Div> posted) {
        TextArea text = new TextArea(label);
        text.setWidthFull();
        text.setHelperText(HELP);
        RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>();
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.SHARED ? "Everyone in the group" : "Only " + me.partyCode() + " members");
        visibility.setValue(Visibility.SHARED);
        visibility.setAriaLabel("Who sees it");
        Component audience = visibility;
        if (parentVisibility == Visibility.CAUCUS) {
            // A reply to a party-only comment stays party-only (the service sees to it): no choice to offer.
            visibility.setValue(Visibility.CAUCUS);
            audience = new Paragraph("Only " + me.partyCode() + " members see this reply, as only they see the comment it answers.");
        }
        Button post = new Button(parentId == null ? "Post comment" : "Post reply");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Div form = new Div(text, audience, post);
        post.addClickListener(e -> act(() -> poster.applyAsLong(
                new NewComment(amendmentId, parentId, visibility.getValue(), null, null, null, false, text.getValue())), text, () -> {
            text.clear();
            posted.accept(form);
        }));
        form.addClassName("cg-comment-form");
        if (focus) {
            text.focus();
        }
        return form;
    }

    /**
     * Runs {@code action}, which names the comment it touched; then {@code done} tidies the form, the thread reloads
     * and focus goes to that comment.
     */
    private void act(LongSupplier action, TextArea field, Runnable done) {
        long touched;
        try {
            touched = action.getAsLong();
        } catch (InvalidInputException problem) {
            if (field != null) {
                Forms.show(problem, Map.of("body", field));
            } else {
                Forms.error(problem.getMessage());
            }
            return;
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
            return;
        } catch (RuntimeException failed) {
            TryAgain.refuseAt(failed, field);
            return;
        }
        done.run();
        shown(touched);
    }

    /** The comment {@code touched} is saved: the thread reloads and focus goes to it. */
    private void shown(long touched) {
        TryAgain.afterSaving(() -> {
            onChange.accept(touched);
            Focus.onId("comment-" + touched);
        }, SAVED_NOT_SHOWN);
    }

    private static Button small(String text) {
        Button b = new Button(text);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** A new comment on the proposal: on all of it, on the paragraph at a line, or on a passage of lines of {@code revision}. */
    public Div anchoredForm(int revision, int lineCount) {
        TextArea text = new TextArea("Comment");
        commentField = text;
        text.setWidthFull();
        text.setHelperText(HELP);
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
                text.clear();
                on.setValue(WHOLE);
                from.clear();
                to.clear();
                visibility.setValue(Visibility.SHARED);
                shown(posted);
            } catch (InvalidInputException problem) {
                if (anchored && from.getValue() == null) {
                    from.setErrorMessage("Enter a line number.");
                    from.setInvalid(true);
                }
                Forms.show(problem, Map.of("body", text, "fromLine", from));
            } catch (AccessDeniedException denied) {
                Forms.error(denied.getMessage());
            } catch (RuntimeException failed) {
                TryAgain.refuseAt(failed, text);
            }
        });
        HorizontalLayout where = new HorizontalLayout(on, from, to);
        where.setWrap(true);
        where.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div form = new Div(text, where, visibility, post);
        form.addClassName("cg-comment-form");
        return form;
    }

    public static IntegerField lineField(String label, int lineCount) {
        IntegerField field = new IntegerField(label);
        field.setMin(1);
        field.setMax(Math.max(1, lineCount));
        field.setStepButtonsVisible(true);
        field.setWidth("9rem");
        return field;
    }
}
