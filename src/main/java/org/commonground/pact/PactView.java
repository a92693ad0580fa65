package org.commonground.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.audit.AuditEntry;
import org.commonground.election.ElectionService;
import org.commonground.election.PartyPalette;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.SeatVerdict;
import org.commonground.live.LiveEvents;
import org.commonground.live.LiveSubscription;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.CommentThread;
import org.commonground.proposal.text.SafeMarkdown;
import org.commonground.proposal.text.TextHtml;
import org.commonground.proposal.text.WordDiff;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.LiveReads;
import org.commonground.ui.OwnMarkup;
import org.commonground.ui.PartyMarker;
import org.commonground.ui.StackedHtml;
import org.commonground.ui.StackedTable;
import org.commonground.ui.TryAgain;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;

/**
 * A pact: its terms beside the seat analysis, its state and each party's ratification (updated live), amendments
 * with their differences, the revision history, and the discussion.
 */
@Route("pacts/:pactId(\\d+)")
@PageTitle("Pact · Common Ground")
@PermitAll
public class PactView extends VerticalLayout implements BeforeEnterObserver {

    private final PactService pacts;
    private final ByElectionService byElections;
    private final PactAmendmentService amendmentService;
    private final PactRatificationService ratification;
    private final PactSeatService seatPacts;
    private final ElectionService elections;
    private final PartyPalette palette;
    private final CommentService comments;
    private final SignedInMember me;
    private final PactGroupsService pactGroups;
    private final LiveSubscription subscription;
    private final LiveReads liveReads;
    private final Div statusLine = new Div();
    private RatificationPanel ratificationPanel;
    private final Div changedNotice = new Div();
    private long pactId;
    private UI ui;
    private PactDetails shown;
    private Set<Long> shownComments = Set.of();
    private final H2 titleHeading = new H2();
    private final Span stateBadge = new Span();
    private final Paragraph stateReason = new Paragraph();
    private final Div deadline = new Div();

    public PactView(PactService pacts, PactAmendmentService amendmentService, PactRatificationService ratification, PactSeatService seatPacts,
                    ElectionService elections, PartyPalette palette, CommentService comments, LiveEvents live, CurrentMember currentMember,
                    ByElectionService byElections, PactGroupsService pactGroups, LiveReads liveReads) {
        this.liveReads = liveReads;
        this.seatPacts = seatPacts;
        this.pactGroups = pactGroups;
        this.pacts = pacts;
        this.byElections = byElections;
        this.amendmentService = amendmentService;
        this.ratification = ratification;
        this.elections = elections;
        this.palette = palette;
        this.comments = comments;
        this.subscription = live.subscription("pact");
        this.me = currentMember.require();
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pactId = event.getRouteParameters().getLong("pactId").orElse(0L);
        show();
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
     * Push: a change to the pact, or a vote in one of its ratification ballots (announced for the pact too), made on
     * any app instance, re-reads the page with this member's rights. A page showing "not found" listens to nothing.
     */
    private void listen() {
        UI current = ui;
        long following = pactId;
        // Who reads, taken here while the session is current: announcements come on other threads.
        SecurityContext reader = LiveReads.reader();
        subscription.follow(current != null && shown != null ? following : 0, e -> readThenShow(current, reader, following));
    }

    /** What a live change shows, read together. */
    private record Glance(PactDetails details, Set<Long> commentIds, Optional<RatificationDeadline> deadline) {
    }

    /**
     * The glance is read on the announcement's thread, outside the session's lock (see {@link LiveReads}); only
     * comparing and showing it takes the lock. When the database cannot be had just now, this change is not shown,
     * and the next one, or "Show the latest", shows it with the rest.
     */
    private void readThenShow(UI current, SecurityContext reader, long following) {
        Glance now;
        try {
            now = liveReads.read(reader, () -> new Glance(pacts.details(following), visibleIds(comments.threadOfPact(following)),
                    byElections.deadline(following)));
        } catch (InvalidInputException noLongerReadable) {
            current.access(() -> {
                if (pactId == following) {
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
            if (pactId == following) {
                showLiveChange(now);
            }
        });
    }

    /**
     * Someone else changed the pact or voted: the state and each party's ratification update in place; anything
     * else (new terms, amendments) is announced with a button, so nothing the reader is typing is thrown away.
     */
    private void showLiveChange(Glance now) {
        if (shown == null) {
            return;
        }
        PactDetails d = now.details();
        fillStatusLine(d);
        ratificationPanel.update(d);
        // Who has yet to ratify changes as parties give their verdicts.
        deadline.removeAll();
        now.deadline().map(DeadlineNotice::of).ifPresent(deadline::add);
        boolean moved = d.state() != shown.state() || d.round() != shown.round()
                || d.summary().currentRevision() != shown.summary().currentRevision() || !d.amendments().equals(shown.amendments());
        // Only comments this reader may see count: another party's caucus changes nothing here.
        boolean discussed = !now.commentIds().equals(shownComments);
        if (moved || discussed) {
            changedNotice.removeAll();
            Button show = new Button("Show the latest", e -> refresh());
            show.addThemeVariants(ButtonVariant.LUMO_SMALL);
            changedNotice.add(new Span(moved ? "This pact has changed since you opened it. " : "There are new comments since you opened this pact. "), show);
        }
    }

    private static Set<Long> visibleIds(List<Comment> thread) {
        return thread.stream().filter(c -> !c.deleted()).map(Comment::id).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Shows the pact anew after something on this page changed it. The page is rebuilt, so keyboard focus, if it was
     * on a control that went away, goes to the pact's title instead of falling back to the top of the page.
     */
    void refresh() {
        show();
        if (shown != null) {
            Focus.onIfLost(titleHeading);
        }
    }

    private void show() {
        removeAll();
        changedNotice.removeAll();
        PactDetails d;
        try {
            d = pacts.details(pactId);
        } catch (InvalidInputException missing) {
            shown = null;
            add(new H2("Pact not found"), new Paragraph(missing.getMessage()));
            listen();
            return;
        }
        shown = d;
        changedNotice.addClassName("cg-notice-bar");
        changedNotice.getElement().setAttribute("role", "status");
        fillStatusLine(d);
        add(changedNotice, statusLine);
        add(new Paragraph(new Anchor("groups/" + d.summary().groupId() + "/pacts", "Pacts of " + d.summary().groupName()),
                new Span(" · revision " + d.summary().currentRevision() + " · "), new Anchor("pacts/ledger", "Reciprocity ledger"),
                new Span(" · "), new Anchor("pacts/" + pactId + "/pdf", "PDF"),
                d.canPublish() || d.state() == PactState.PUBLISHED
                        ? new Span(new Span(" · "), new Anchor("pacts/" + pactId + "/publish", d.state() == PactState.PUBLISHED ? "Published version" : "Publish"))
                        : new Span(), new Span(" · "), watchButton()));
        deadline.removeAll();
        byElections.deadline(pactId).map(DeadlineNotice::of).ifPresent(deadline::add);
        add(deadline);
        add(stateActions(d), new PactGroupsPanel(pactGroups, pactId, d, this::refresh));
        boolean wide = d.terms().seats().size() > TermsEditor.CARDS_UP_TO;
        add(new H3("Terms"), termsTable(d.terms(), List.copyOf(d.terms().partiesMentioned())),
                wide ? whenOpened("Unity candidates chosen by ballot, seat by seat", () -> unityBallots(d.terms())) : unityBallots(d.terms()));
        add(conflicts());
        if (!d.terms().conditions().isBlank()) {
            add(new H3("Conditions"), new Html(SafeMarkdown.toHtml(d.terms().conditions())));
        }
        add(wide ? whenOpened("Evidence: the last result in " + d.terms().seats().size() + " seats", () -> evidence(d)) : evidence(d));
        ratificationPanel = new RatificationPanel(ratification, d, this::refresh);
        List<Comment> thread = comments.threadOfPact(pactId);
        shownComments = visibleIds(thread);
        add(ratificationPanel, new AmendmentsPanel(pacts, amendmentService, comments, me, d, thread, palette.colours(), this::refresh), history(d), activity(), collapseForm(d));
        add(new H3("Discussion"), CommentThread.onPact(comments, pactId, null, thread, me, d.canComment(), touched -> refresh()));
        listen();
    }

    /** Updated in place, live too, so the title keeps keyboard focus when it has it. */
    private void fillStatusLine(PactDetails d) {
        if (statusLine.getChildren().findAny().isEmpty()) {
            stateReason.addClassName("cg-notice");
            statusLine.add(titleHeading, stateBadge, stateReason);
        }
        titleHeading.setText(d.summary().title());
        PactBadge.show(stateBadge, d.state());
        stateReason.setText(d.stateReason());
        stateReason.setVisible(!d.stateReason().isBlank());
    }

    /** Every party's stance in every seat: the pact itself, so on a phone each seat is a card naming every party. */
    private Component termsTable(PactTerms terms, List<String> parties) {
        Map<String, String> colours = palette.colours();
        if (terms.seats().size() > TermsEditor.CARDS_UP_TO) {
            return wideTermsTable(terms, parties, colours);
        }
        List<Supplier<Component>> columns = new ArrayList<>();
        columns.add(() -> new Span("Alliance candidate"));
        for (String p : parties) {
            columns.add(() -> PartyMarker.of(p, PartyPalette.colourOf(colours, p)));
        }
        StackedTable table = new StackedTable("Who stands where", "Constituency", columns);
        for (SeatTerms seat : terms.seats()) {
            List<Component> stances = new ArrayList<>();
            stances.add(candidateCell(seat.candidate(), colours));
            for (String p : parties) {
                Stance s = seat.stances().get(p);
                stances.add(new Span(seat.candidate() != null && seat.candidate().isOf(p) ? "candidate" : s == null ? "–" : s.label()));
            }
            table.addRow(new Anchor("constituencies/" + seat.onsCode(), seat.constituency()), stances);
        }
        return scrolling(table);
    }

    /** Each seat's unity-candidate ballots (a page of the ballot feature, linked by address only). */
    private Component unityBallots(PactTerms terms) {
        if (terms.seats().size() > TermsEditor.CARDS_UP_TO) {
            return OwnMarkup.of("<p>Unity candidate chosen by ballot: " + terms.seats().stream()
                    .map(seat -> StackedHtml.link("pacts/" + pactId + "/unity/" + seat.onsCode(), seat.constituency()))
                    .collect(java.util.stream.Collectors.joining(" \u00b7 ")) + "</p>");
        }
        Paragraph links = new Paragraph(new Span("Unity candidate chosen by ballot: "));
        for (int i = 0; i < terms.seats().size(); i++) {
            SeatTerms seat = terms.seats().get(i);
            links.add(new Anchor("pacts/" + pactId + "/unity/" + seat.onsCode(), seat.constituency()));
            if (i + 1 < terms.seats().size()) {
                links.add(new Span(" \u00b7 "));
            }
        }
        return links;
    }

    /** Seats where another pact the reader may read says otherwise: flagged on both pacts' pages. */
    private Div conflicts() {
        Div box = new Div();
        List<PactSeatService.Conflict> conflicts = seatPacts.conflicts(pactId);
        if (conflicts.isEmpty()) {
            return box;
        }
        box.addClassName("cg-notice-bar");
        box.addClassName("cg-pact-conflicts");
        box.getElement().setAttribute("role", "note");
        box.add(new Paragraph(conflicts.size() == 1 ? "Another pact contradicts this one:" : "Other pacts contradict this one:"));
        for (PactSeatService.Conflict c : conflicts) {
            box.add(new Paragraph(new Span(c.why() + " "), new Anchor("pacts/" + c.otherPactId(), "Open \"" + c.otherTitle() + "\"")));
        }
        return box;
    }

    /** A party's candidate as the party's marker; a named person in words, "Jane Smith (independent)". */
    static Component candidateCell(Candidate candidate, Map<String, String> colours) {
        return switch (candidate) {
            case null -> new Span("–");
            case Candidate.PartyCandidate(String party) -> PartyMarker.of(party, PartyPalette.colourOf(colours, party));
            case Candidate.Person person -> new Span(person.inWords());
        };
    }

    /** As {@link #termsTable}, for a pact too wide for a component a cell (a national framework's 650 seats). */
    private static Component wideTermsTable(PactTerms terms, List<String> parties, Map<String, String> colours) {
        List<String> headings = new ArrayList<>();
        headings.add("Alliance candidate");
        parties.forEach(p -> headings.add(StackedHtml.partyMarker(p, PartyPalette.colourOf(colours, p))));
        List<StackedHtml.Row> rows = new ArrayList<>();
        for (SeatTerms seat : terms.seats()) {
            List<String> cells = new ArrayList<>();
            cells.add(switch (seat.candidate()) {
                case null -> "–";
                case Candidate.PartyCandidate(String party) -> StackedHtml.partyMarker(party, PartyPalette.colourOf(colours, party));
                case Candidate.Person person -> StackedHtml.text(person.inWords());
            });
            for (String p : parties) {
                Stance s = seat.stances().get(p);
                cells.add(StackedHtml.text(seat.candidate() != null && seat.candidate().isOf(p) ? "candidate" : s == null ? "–" : s.label()));
            }
            rows.add(new StackedHtml.Row(StackedHtml.link("constituencies/" + seat.onsCode(), seat.constituency()), cells));
        }
        return StackedHtml.table("Who stands where", "Constituency", headings, rows);
    }

    private Div evidence(PactDetails d) {
        Div box = new Div(new H3("Evidence: the last result"));
        box.addClassName("cg-section");
        if (d.electionId() == null) {
            box.add(new Paragraph("No election was chosen as evidence for this pact."));
            return box;
        }
        List<String> seats = d.terms().seats().stream().map(SeatTerms::onsCode).toList();
        List<SeatVerdict> verdicts = elections.analysis(d.electionId(), seats, Alliance.standard());
        if (seats.size() > TermsEditor.CARDS_UP_TO) {
            box.add(StackedHtml.table(null, "Constituency", Stream.of("Winner", "Winner's votes", "Best-placed alliance party", "Its votes",
                    "Alliance votes", "Target").map(StackedHtml::text).toList(), verdicts.stream().map(v -> new StackedHtml.Row(StackedHtml.text(v.constituency()),
                    Stream.of(v.winner(), Numbers.grouped(v.winnerVotes()), Objects.toString(v.bestPlaced(), "–"), Numbers.grouped(v.bestPlacedVotes()),
                            Numbers.grouped(v.allianceVotes()), v.target() ? "yes" : "no").map(StackedHtml::text).toList())).toList()));
            return box;
        }
        StackedTable table = new StackedTable(null, "Constituency", Stream.of("Winner", "Winner's votes", "Best-placed alliance party", "Its votes",
                "Alliance votes", "Target").<Supplier<Component>>map(heading -> () -> new Span(heading)).toList());
        for (SeatVerdict v : verdicts) {
            table.addRow(new Span(v.constituency()), Stream.of(v.winner(), Numbers.grouped(v.winnerVotes()), Objects.toString(v.bestPlaced(), "–"), Numbers.grouped(v.bestPlacedVotes()),
                    Numbers.grouped(v.allianceVotes()), v.target() ? "yes" : "no").map(Span::new).toList());
        }
        box.add(scrolling(table));
        return box;
    }

    /** At desktop width a table wider than the page scrolls in its own box; on a phone it is stacked instead. */
    private static Div scrolling(StackedTable table) {
        Div box = new Div(table);
        box.addClassName("cg-table-scroll");
        return box;
    }

    private Div stateActions(PactDetails d) {
        Div actions = new Div();
        actions.addClassName("cg-actions");
        if (!d.convenor()) {
            return actions;
        }
        if (d.state() == PactState.DRAFT) {
            Button open = new Button("Open for negotiation", e -> act(() -> pacts.openNegotiation(pactId)));
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(open);
        }
        return actions;
    }

    /** Ending the pact: at the foot of the page, away from the everyday buttons. */
    private Div collapseForm(PactDetails d) {
        Div actions = new Div();
        actions.addClassName("cg-section");
        if (d.canCollapse()) {
            TextField reason = new TextField("Why it collapsed");
            reason.setMaxLength(PactService.MAX_REASON);
            Button collapse = new Button("Collapse the pact", e -> {
                Forms.clear(reason);
                try {
                    pacts.collapse(pactId, reason.getValue());
                    refresh();
                } catch (InvalidInputException problem) {
                    Forms.show(problem, Map.of("reason", reason));
                } catch (AccessDeniedException denied) {
                    Forms.error(denied.getMessage());
                }
            });
            collapse.addThemeVariants(ButtonVariant.LUMO_ERROR);
            FlexLayout row = new FlexLayout(reason, collapse);
            row.setAlignItems(Alignment.BASELINE);
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.addClassName("cg-actions");
            actions.add(new H3("Collapse the pact"), new Paragraph("If the parties cannot agree, a convenor ends the pact, saying why; it stays readable here."), row);
        }
        return actions;
    }

    private Div history(PactDetails d) {
        Div box = new Div(new H3("Revisions"));
        box.addClassName("cg-section");
        List<PactRevision> revisions = d.revisions();
        for (int i = 0; i < revisions.size(); i++) {
            PactRevision r = revisions.get(i);
            Div entry = new Div(new Paragraph("Revision " + r.number() + " by " + r.authorName() + ", " + Dates.dayAndTime(r.createdAt())
                    + (r.note().isBlank() ? "" : ": " + r.note())));
            if (i + 1 < revisions.size()) {
                // A wide pact's texts are long: even the newest diff waits to be opened.
                entry.add(changes(revisions.get(i + 1), r, i == 0 && d.terms().seats().size() <= TermsEditor.CARDS_UP_TO));
            }
            entry.addClassName("cg-revision");
            box.add(entry);
        }
        return box;
    }

    /**
     * What a revision changed, open for the newest. The older ones are diffed only when opened: diffing every
     * revision of a 650-seat pact on each opening of the page was a quarter of its time.
     */
    /**
     * A part of a wide pact's page that is long to read and to send (650 seats' evidence, say), made when its reader
     * opens it rather than every time the page is.
     */
    private static Details whenOpened(String summary, Supplier<Component> content) {
        Details part = new Details(summary);
        part.addOpenedChangeListener(e -> {
            if (e.isOpened() && part.getContent().findAny().isEmpty()) {
                part.add(content.get());
            }
        });
        return part;
    }

    private static Details changes(PactRevision before, PactRevision after, boolean open) {
        String summary = "What changed from revision " + before.number();
        Supplier<Component> diff = () -> OwnMarkup.of(TextHtml.diff(WordDiff.diff(before.terms().asText(), after.terms().asText())));
        if (!open) {
            return whenOpened(summary, diff);
        }
        Details changes = new Details(summary, diff.get());
        changes.setOpened(true);
        return changes;
    }

    private Div activity() {
        Div box = new Div(new H3("Activity"));
        box.addClassName("cg-section");
        for (AuditEntry entry : pacts.activity(pactId)) {
            String what = entry.action().code().replace("PACT_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
            box.add(new Paragraph(Dates.dayAndTime(entry.at()) + " · " + (entry.actorName() == null ? "system" : entry.actorName()) + " · " + what
                    + (entry.detail() == null || entry.detail().isBlank() ? "" : ": " + entry.detail())));
        }
        return box;
    }

    private Button watchButton() {
        boolean watching = pacts.watching(pactId);
        Button watch = new Button(watching ? "Stop watching" : "Watch", e -> act(() -> pacts.setWatching(pactId, !watching)));
        watch.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        watch.getElement().setAttribute("title", "Hear of its changes without commenting");
        return watch;
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
        }
    }
}
