package org.commonground.proposal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.CommentThread;
import org.commonground.group.GroupMember;
import org.commonground.group.GroupService;
import org.commonground.group.MembershipStatus;
import org.commonground.live.LiveEvents;
import org.commonground.live.LiveSubscription;
import org.commonground.proposal.text.TextHtml;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.LiveReads;
import org.commonground.ui.PartyMarker;
import org.commonground.ui.TryAgain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;

/** A proposal's current text with line numbers, its authors and state, and what the caller may do next. */
@Route("proposals/:proposalId(\\d+)")
@PermitAll
public class ProposalView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProposalService proposals;
    private final AmendmentService amendments;
    private final CompromiseService compromises;
    private final TrackedChangesService trackedChanges;
    private final CommentService comments;
    private final GroupService groups;
    /** What other features show on the page (the voting list): they depend on proposals, not the other way. */
    private final ObjectProvider<ProposalPagePart> parts;
    private final SignedInMember me;
    private long proposalId;
    private String title = "Proposal";
    AmendmentPanel amendmentPanel;
    CommentThread proposalComments;
    final Div changedNotice = new Div();
    private final Span changesText = new Span();
    private final Button showLatest = new Button("Show the latest", e -> refresh());
    private Span stateBadge = new Span();
    private H2 titleHeading;
    private H3 commentsHeading;
    final SelectableText numberedText = new SelectableText(this::commentOn, this::amend);
    private ProposalDetails details;
    /** What the reader has on screen, to tell them what changed since. */
    private ProposalGlance shown;
    /** The paragraph-anchored comments counted in the margin of the text shown. */
    private Set<Long> anchoredShown = Set.of();
    /** Every comment on the page, deleted ones' placeholders included, in the thread's order. */
    private List<Comment> commentsDisplayed = List.of();
    private final LiveSubscription subscription;
    private final LiveReads liveReads;
    private UI ui;

    public ProposalView(ProposalService proposals, AmendmentService amendments, CompromiseService compromises,
                        TrackedChangesService trackedChanges, CommentService comments, GroupService groups,
                        ObjectProvider<ProposalPagePart> parts, LiveEvents live, LiveReads liveReads, CurrentMember currentMember) {
        this.proposals = proposals;
        this.amendments = amendments;
        this.compromises = compromises;
        this.trackedChanges = trackedChanges;
        this.parts = parts;
        this.comments = comments;
        this.groups = groups;
        this.subscription = live.subscription("proposal");
        this.liveReads = liveReads;
        this.me = currentMember.require();
        addClassName("cg-page");
        changedNotice.addClassName("cg-notice-bar");
        changedNotice.getElement().setAttribute("role", "status");
        showLatest.addThemeVariants(ButtonVariant.LUMO_SMALL);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        ui = attach.getUI();
        listen();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        ui = null;
        subscription.stop();
    }

    /**
     * Push: any change to the proposal shown, made on any app instance, is announced; the page re-reads with its
     * reader's rights. A page showing "not found" listens to nothing, so it cannot even tell when the proposal changes.
     */
    private void listen() {
        UI current = ui;
        long following = proposalId;
        // Who reads, taken here while the session is current: announcements come on other threads.
        SecurityContext reader = LiveReads.reader();
        subscription.follow(current != null && shown != null ? following : 0, e -> glanceThenShow(current, reader, following));
    }

    /**
     * The glance is taken on the announcement's thread, outside the session's lock (see {@link LiveReads}); only
     * comparing and showing it takes the lock. When the database cannot be had just now, this change is not shown,
     * and the next one, or "Show the latest", shows it with the rest.
     */
    private void glanceThenShow(UI current, SecurityContext reader, long following) {
        ProposalGlance now;
        try {
            now = liveReads.read(reader, () -> proposals.glance(following));
        } catch (InvalidInputException noLongerReadable) {
            current.access(() -> {
                if (proposalId == following) {
                    refresh();
                }
            });
            return;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException failed) {
            if (TryAgain.message(failed).isPresent()) {
                return;
            }
            throw failed;
        }
        current.access(() -> {
            if (proposalId == following) {
                showLiveChange(now);
            }
        });
    }

    /**
     * Someone else changed the proposal: its state updates in place, and a notice says what else changed with a button
     * to show it, so the reader's place and anything they are typing stay as they are. Only what this reader may see
     * counts: a caucus comment of another party changes nothing here.
     */
    void showLiveChange() {
        if (shown == null) {
            return;
        }
        try {
            showLiveChange(proposals.glance(proposalId));
        } catch (InvalidInputException noLongerReadable) {
            refresh();
        }
    }

    /** As {@link #showLiveChange()}, with the glance already taken. */
    private void showLiveChange(ProposalGlance now) {
        if (shown == null) {
            return;
        }
        List<String> changes = new java.util.ArrayList<>();
        if (now.state() != shown.state()) {
            fillState(now.state(), now.stateChangedAt());
            changes.add("it is now " + now.state().label().toLowerCase());
        }
        if (now.revision() != shown.revision()) {
            changes.add("revision " + now.revision() + " was saved");
        }
        long newComments = now.commentIds().stream().filter(id -> !shown.commentIds().contains(id)).count();
        if (newComments > 0) {
            changes.add(newComments == 1 ? "a new comment" : newComments + " new comments");
        } else if (!now.commentIds().equals(shown.commentIds())) {
            changes.add("a comment was removed");
        }
        if (!now.amendmentDigests().equals(shown.amendmentDigests())) {
            changes.add("the amendments changed");
        }
        if (changes.isEmpty()) {
            return;
        }
        String text = "Since you opened this proposal: " + String.join("; ", changes) + ". ";
        if (changedNotice.getChildren().findAny().isEmpty()) {
            changedNotice.add(changesText, showLatest);
        }
        // A busy discussion announces often: the notice is drawn again only when what it says changes.
        if (!text.equals(changesText.getText())) {
            changesText.setText(text);
        }
    }

    private void fillState(ProposalState state, OffsetDateTime since) {
        ProposalBadge.show(stateBadge, state, state.label() + " since " + Dates.day(since));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        proposalId = event.getRouteParameters().getLong("proposalId").orElse(0L);
        show();
    }

    @Override
    public String getPageTitle() {
        return title + " · Common Ground";
    }

    /**
     * Shows the proposal anew after something on this page changed it. The page is rebuilt, so keyboard focus, if it
     * was on a control that went away, goes to the title instead of falling back to the top of the page.
     */
    private void refresh() {
        show();
        if (titleHeading != null) {
            Focus.onIfLost(titleHeading);
        }
    }

    private void show() {
        removeAll();
        titleHeading = null;
        changedNotice.removeAll();
        shown = null;
        details = null;
        ProposalGlance glance;
        try {
            // The glance first: whatever changes after it is told of, even if the page below already shows it.
            glance = proposals.glance(proposalId);
            details = proposals.details(proposalId);
        } catch (InvalidInputException notReadable) {
            add(new H2("Proposal not found"), new Paragraph(notReadable.getMessage()));
            listen();
            return;
        }
        ProposalSummary p = details.proposal();
        title = p.title();

        stateBadge = new Span();
        fillState(p.state(), p.stateChangedAt());
        titleHeading = new H2(p.title());
        Div heading = new Div(titleHeading, stateBadge);
        heading.addClassName("cg-group-heading");
        add(changedNotice, heading);

        Div meta = new Div(new Span("In "), new Anchor("groups/" + p.groupId(), details.groupName()),
                new Span(" · revision " + details.current().number() + " of " + Dates.dayAndTime(details.current().createdAt()) + " · by "));
        meta.addClassName("cg-meta");
        details.authors().forEach(a -> meta.add(PartyMarker.of(a.partyCode(), a.partyColour()), new Span(" " + a.displayName() + " ")));
        add(meta);
        if (!p.summary().isBlank()) {
            Paragraph summary = new Paragraph(p.summary());
            summary.addClassName("cg-summary");
            add(summary);
        }
        add(actions(details));
        if (p.state() == ProposalState.NOT_AGREED) {
            Paragraph redraft = new Paragraph("The final vote did not agree this text. " + (details.convenor() ? "You" : "A convenor")
                    + " can return it to discussion for a redraft; comments and amendments open again then.");
            redraft.addClassName("cg-meta");
            add(redraft);
        }
        if (details.canEdit()) {
            add(coAuthorPicker(details));
        }
        List<Comment> thread = comments.thread(proposalId);
        commentsDisplayed = thread;
        numberedText.allow(details.canComment(), details.canAmend(), details.lines().size());
        add(numberedText);
        showText(thread);
        List<Amendment> amendmentList = amendments.list(proposalId);
        if (AmendmentsInText.anyPending(amendmentList, details.current().number())) {
            addComponentAtIndex(indexOf(numberedText), new AmendmentsInText(trackedChanges, proposalId, numberedText));
        }
        shown = glance;
        listen();
        parts.orderedStream().forEach(part -> part.part(details, this::changedInPlace).ifPresent(this::add));
        amendmentPanel = new AmendmentPanel(amendments, compromises, comments, details, amendmentList, thread, me, this::refresh, this::commentsChanged);
        add(amendmentPanel);

        proposalComments = new CommentThread(comments, proposalId, null, thread, me, details.canComment(), this::commentsChanged);
        commentsHeading = new H3(commentsHeadingText(thread));
        add(commentsHeading, proposalComments);
        if (details.canComment()) {
            add(proposalComments.anchoredForm(details.current().number(), details.lines().size()));
        }
    }

    /** The numbered text, with a marker in its margin where comments start, saying what each is on. */
    private void showText(List<Comment> thread) {
        anchoredShown = anchoredOnCurrentText(thread);
        numberedText.show(details.lines().isEmpty() ? new Paragraph("The text is empty.")
                : new Html(TextHtml.numbered(details.lines(), Comment.marginNotes(thread, details.current().number()))));
    }

    /** "Comment on this" in the numbered text: the comment is anchored to the lines selected, quoting what was selected. */
    private void commentOn(int from, int to, String quote) {
        new PassageCommentDialog(comments, proposalId, details.current().number(), from, to, quote, me, posted -> {
            commentsChanged(posted);
            Focus.onId("comment-" + posted);
        }, numberedText::close).open();
    }

    /** "Amend this": the editor, starting from the lines selected. */
    private void amend(int from, int to) {
        getUI().ifPresent(ui -> ui.navigate(AmendmentEditorView.class, new RouteParameters("proposalId", String.valueOf(proposalId)),
                QueryParameters.simple(Map.of("from", String.valueOf(from), "to", String.valueOf(to)))));
    }

    private Set<Long> anchoredOnCurrentText(List<Comment> thread) {
        return thread.stream().filter(c -> c.markedIn(details.current().number())).map(Comment::id).collect(Collectors.toSet());
    }

    private static String commentsHeadingText(List<Comment> thread) {
        return "Comments (" + thread.stream().filter(c -> c.amendmentId() == null && !c.deleted()).count() + ")";
    }

    /**
     * The reader posted, edited or deleted the comment {@code touched}: it is redrawn where it belongs, and nothing
     * else moves. Other members' new comments are not slipped in above it; the notice tells of them, as it does
     * while the reader only reads, and "Show the latest" shows them. A comment just posted is read alone and added
     * at the end (the thread is in posting order): reading the whole thread again for it was most of a post's work
     * in a long discussion (bench/run-load).
     */
    private void commentsChanged(long touched) {
        List<Comment> thread;
        try {
            boolean posted = commentsDisplayed.stream().noneMatch(c -> c.id() == touched);
            if (posted) {
                thread = java.util.stream.Stream.concat(commentsDisplayed.stream(), comments.comment(proposalId, touched).stream()).toList();
            } else {
                Set<Long> displayed = commentsDisplayed.stream().map(Comment::id).collect(Collectors.toSet());
                thread = comments.thread(proposalId).stream().filter(c -> displayed.contains(c.id())).toList();
            }
        } catch (InvalidInputException noLongerReadable) {
            refresh();
            return;
        }
        commentsDisplayed = thread;
        proposalComments.update(thread);
        amendmentPanel.updateComments(thread);
        commentsHeading.setText(commentsHeadingText(thread));
        if (!anchoredOnCurrentText(thread).equals(anchoredShown)) {
            showText(thread);
        }
        // Their own comment is no news to the reader when the announcement of it arrives; the others still are.
        shown = shown.withCommentIds(thread.stream().filter(c -> !c.deleted()).map(Comment::id).collect(Collectors.toSet()));
    }

    /** The reader changed what a part of the page shows, in place (the voting list's order): no news to them. */
    private void changedInPlace() {
        shown = proposals.glance(proposalId);
    }

    private HorizontalLayout actions(ProposalDetails details) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.addClassName("cg-actions");
        if (details.canEdit()) {
            Button edit = new Button("Edit", e -> navigateTo(EditProposalView.class));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
        }
        if (details.canComment()) {
            // The form is at the end, past the text, the amendments and every comment: this takes focus straight there.
            Button write = new Button("Write a comment", VaadinIcon.COMMENT_O.create(), e -> {
                if (proposalComments != null && proposalComments.commentField != null) {
                    proposalComments.commentField.focus();
                }
            });
            actions.add(write);
        }
        actions.add(new Button("History", e -> navigateTo(ProposalHistoryView.class)));
        // Ballots live in their own feature; linking by address keeps the packages free of cycles.
        actions.add(new Button("Ballots", e -> getUI().ifPresent(ui -> ui.navigate("proposals/" + proposalId + "/ballots"))));
        actions.add(new Button("PDF", e -> getUI().ifPresent(ui -> ui.navigate("proposals/" + proposalId + "/pdf"))));
        actions.add(new Button("Amendment booklet (PDF)", e -> getUI().ifPresent(ui -> ui.navigate("proposals/" + proposalId + "/booklet"))));
        boolean watching = proposals.watching(proposalId);
        Button watch = new Button(watching ? "Stop watching" : "Watch", VaadinIcon.EYE.create(), e -> {
            proposals.setWatching(proposalId, !watching);
            Forms.success(watching ? "You no longer follow this proposal." : "You will hear of its amendments and state changes.");
            refresh();
        });
        watch.getElement().setAttribute("title", "Hear of its amendments and state changes without commenting");
        actions.add(watch);
        if (details.canPublish() || details.proposal().state() == ProposalState.PUBLISHED) {
            Button publishing = new Button(details.proposal().state() == ProposalState.PUBLISHED ? "Published version" : "Publish",
                    e -> getUI().ifPresent(ui -> ui.navigate("proposals/" + proposalId + "/publish")));
            if (details.proposal().state() == ProposalState.AGREED) {
                publishing.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            actions.add(publishing);
        }
        for (ProposalState to : details.moves()) {
            Button move = new Button(moveLabel(details.proposal().state(), to));
            if (details.proposal().state() == ProposalState.NOT_AGREED && to == ProposalState.DISCUSSION) {
                move.addClickListener(e -> Confirmation.ask(move, "Return this proposal to discussion?",
                        "Its authors can redraft it, the group can comment and propose amendments again, and a new ballot can follow. "
                                + "The failed ballot stays in its history; amendments that lapsed stay closed. Its authors and followers are told.",
                        "Return to discussion", () -> move(to)));
            } else if (to == ProposalState.WITHDRAWN) {
                move.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                move.addClickListener(e -> Confirmation.destructive(move, "Withdraw this proposal?",
                        "It stays readable but can no longer be edited, discussed or voted on.", "Withdraw", () -> move(to)));
            } else if (to == ProposalState.VOTING) {
                // The number of electors is said when the ballot opens (the ballot page asks then): confirmations can change until.
                move.addClickListener(e -> Confirmation.ask(move, "Move \u201c" + details.proposal().title() + "\u201d to voting?",
                        "Revision " + details.current().number() + " becomes the final text: no more edits or amendments. A convenor can then "
                                + "open a ballot on it for the members of " + details.groupName() + " whose party has confirmed them"
                                + "; those following the proposal are told now.", "Move it to voting", () -> move(to)));
            } else {
                move.addClickListener(e -> move(to));
            }
            actions.add(move);
        }
        return actions;
    }

    private Div coAuthorPicker(ProposalDetails details) {
        Set<Long> authors = details.authors().stream().map(Author::memberId).collect(Collectors.toSet());
        ComboBox<GroupMember> member = new ComboBox<>();
        member.setPlaceholder("Invite a co-author from the group");
        member.setAriaLabel("Co-author");
        member.setItems(groups.members(details.proposal().groupId()).stream()
                .filter(m -> m.status() == MembershipStatus.ACTIVE && !authors.contains(m.memberId())).toList());
        member.setItemLabelGenerator(m -> m.displayName() + " (" + m.partyCode() + ")");
        member.setWidth("18rem");
        member.setMaxWidth("100%");
        Button add = new Button("Add co-author", e -> {
            if (member.getValue() == null) {
                return;
            }
            try {
                proposals.addCoAuthor(proposalId, member.getValue().memberId());
                Forms.success(member.getValue().displayName() + " can now edit this proposal.");
                refresh();
            } catch (InvalidInputException | AccessDeniedException refused) {
                Forms.error(refused.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(member, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return new Div(row);
    }

    private void move(ProposalState to) {
        try {
            proposals.move(proposalId, to);
            Forms.success("The proposal is now: " + to.label() + ".");
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
        }
        refresh();
    }

    private static String moveLabel(ProposalState from, ProposalState to) {
        return switch (to) {
            case DISCUSSION -> from == ProposalState.NOT_AGREED ? "Return to discussion" : "Open for discussion";
            case VOTING -> "Move to voting";
            case WITHDRAWN -> "Withdraw";
            default -> to.label();
        };
    }

    private void navigateTo(Class<? extends com.vaadin.flow.component.Component> view) {
        getUI().ifPresent(ui -> ui.navigate(view, new RouteParameters("proposalId", String.valueOf(proposalId))));
    }
}
