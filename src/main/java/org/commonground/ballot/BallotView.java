package org.commonground.ballot;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.ballot.rules.PartyTally;
import org.commonground.ballot.rules.ResultChart;
import org.commonground.live.LiveEvents;
import org.commonground.live.LiveSubscription;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.StackedHtml;
import org.springframework.security.access.AccessDeniedException;

/**
 * One ballot: vote, see turnout per party (and, for open ballots, the tallies and who voted how) update live as
 * others vote, and after the close the result with its explanation, chart and table.
 * <p>
 * The page is updated in place, not rebuilt: a vote (one's own, or another member's arriving live) leaves keyboard
 * focus where it was, on the button just pressed or in the reason being typed, and a click already on its way to a
 * voting button still lands (a button replaced under it would lose the click). When the ballot closes under a
 * voter, the controls give way to the result, and focus goes to its heading if it was on the controls.
 */
@Route("ballots/:ballotId(\\d+)")
@PageTitle("Ballot · Common Ground")
@PermitAll
public class BallotView extends VerticalLayout implements BeforeEnterObserver {

    private final BallotService ballots;
    final TextField reason = new TextField("Reason (optional)");
    final Div live = new Div();
    private final H2 heading = new H2();
    private final Anchor back = new Anchor();
    private final Paragraph rules = new Paragraph();
    private final Paragraph electorate = new Paragraph();
    private final Paragraph timing = new Paragraph();
    /** The voting panel while the ballot is open, the result once it is closed. */
    private final Div middle = new Div();
    private final H3 turnout = new H3();
    private final Div chart = new Div();
    private final Div tableHolder = new Div();
    private final Div votes = new Div();
    private final Map<Choice, Button> choiceButtons = new EnumMap<>(Choice.class);
    private Paragraph myVote;
    private Boolean tableShowsChoices;
    private List<PartyResult> shownParties;
    private List<NamedVote> shownVotes;
    private Div votesList;
    private Svg chartSvg;
    private String chartDrawn;
    private Boolean shownOpen;
    private boolean built;
    private long ballotId;
    private final LiveSubscription subscription;
    private final LiveEvents events;
    private UI ui;
    private boolean showing;

    public BallotView(BallotService ballots, LiveEvents events) {
        this.ballots = ballots;
        this.events = events;
        this.subscription = events.subscription("ballot");
        addClassName("cg-page");
        // Full width, so the chart and table shrink to a phone's screen instead of pushing past it.
        live.setWidthFull();
        live.setMaxWidth("48rem");
        middle.setWidthFull();
        tableHolder.setWidthFull();
        tableHolder.addClassName("cg-table-scroll");
        live.add(turnout, chart, tableHolder, votes);
        reason.setMaxLength(2000);
        reason.setWidth("min(28rem, 100%)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ballotId = event.getRouteParameters().getLong("ballotId").orElse(0L);
        refresh();
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
     * Push: another member's vote reloads this page's tally through the service, with this member's rights. Only a
     * page showing the ballot listens: "not found" must not be redrawn, and so betray, at every vote cast.
     */
    private void listen() {
        UI current = ui;
        long id = current != null && showing ? ballotId : 0;
        subscription.follow(id, e -> {
            // What the page was called for is to be shown at least: pages called together share one read of it.
            long called = LiveEvents.heardWhenCalled();
            long heard = called != 0 ? called : events.heard("ballot", id);
            current.access(() -> refresh(heard));
        });
    }

    void refresh() {
        refresh(-1);
    }

    /** {@code heard} >= 0: brought up to date after others' votes, from the instance's copy as new as that stamp. */
    private void refresh(long heard) {
        BallotDetails b;
        try {
            b = heard >= 0 ? ballots.liveDetails(ballotId, heard) : ballots.details(ballotId);
        } catch (InvalidInputException | AccessDeniedException missing) {
            removeAll();
            built = false;
            add(new H2("Ballot not found"), new Paragraph(missing.getMessage()));
            showing = false;
            listen();
            return;
        }
        showing = true;
        listen();
        if (!built) {
            removeAll();
            add(heading, back, rules, electorate, timing, middle, live);
            built = true;
        }
        // Most refreshes come from other members' votes: what they did not change is left alone, not sent again.
        setText(heading, b.subject() + " of \u201c" + b.title() + "\u201d");
        if (!b.backLink().equals(back.getHref())) {
            back.setHref(b.backLink());
        }
        setText(back, b.backLabel());
        setText(rules, b.rule().label() + " \u00b7 overall quorum " + b.overallQuorum() + "%"
                + (b.rule() == org.commonground.ballot.rules.DecisionRule.CONCURRENT_MAJORITY ? ", quorum in each party " + b.partyQuorum() + "%" : "")
                + " \u00b7 " + (b.secret() ? "secret: nobody sees who voted how" : "open: names are shown"));
        setText(electorate, b.electorateLine() + ".");
        setText(timing, b.isOpen() ? "Open since " + Dates.dayAndTime(b.openedAt()) + (b.closesAt() != null ? "; closes " + Dates.dayAndTime(b.closesAt()) : "; a convenor closes it by hand") + "."
                : "Closed " + Dates.dayAndTime(b.closedAt()) + ".");

        if (b.isOpen()) {
            if (!Boolean.TRUE.equals(shownOpen)) {
                middle.removeAll();
                middle.add(votingPanel(b));
            }
            showMyVote(b.myChoice());
        } else if (!Boolean.FALSE.equals(shownOpen)) {
            boolean wasVoting = Boolean.TRUE.equals(shownOpen);
            middle.removeAll();
            choiceButtons.clear();
            myVote = null;
            H3 resultHeading = new H3("Result");
            middle.add(resultHeading, new BallotResult(b));
            // The result has its own table per party, with each party's verdict; the plain tally would repeat it.
            tableHolder.setVisible(b.decided().isEmpty());
            if (wasVoting) {
                // The buttons this member may have been on are gone: if focus went with them, the result takes it.
                Focus.onIfLost(resultHeading);
            }
        }
        shownOpen = b.isOpen();

        setText(turnout, b.isOpen() ? "Turnout so far: " + b.voted() + " of " + b.electorate() : "Votes per party");
        boolean showChoices = !b.isOpen() || !b.secret();
        boolean sameTally = tableShowsChoices != null && tableShowsChoices == showChoices && b.parties().equals(shownParties);
        shownParties = b.parties();
        if (!sameTally) {
            showTally(b, showChoices);
        }
        if (!b.votes().equals(shownVotes)) {
            showVotes(b.votes());
        }
    }

    private static void setText(HasText component, String text) {
        if (!text.equals(component.getText())) {
            component.setText(text);
        }
    }

    private void showTally(BallotDetails b, boolean showChoices) {
        if (showChoices) {
            // Svg, not Html: Html's parser lower-cases attribute names, and SVG's viewBox is case-sensitive.
            // One chart, redrawn in place: a busy ballot redraws it every second on every page.
            String svg = chartOf(b.parties().stream().map(PartyResult::tally).toList());
            if (chartSvg == null) {
                chartSvg = new Svg(svg);
                chart.add(chartSvg);
            } else if (!svg.equals(chartDrawn)) {
                chartSvg.setSvg(svg);
            }
            chartDrawn = svg;
        } else if (chartSvg != null) {
            chart.removeAll();
            chartSvg = null;
            chartDrawn = null;
        }
        tableShowsChoices = showChoices;
        tableHolder.getElement().setProperty("innerHTML", table(b.parties(), showChoices));
    }

    /** The last chart drawn: every page brought up to date after the same votes shows the same one. */
    private record Drawn(List<PartyTally> tallies, String svg) {
    }

    private static volatile Drawn lastChart = new Drawn(List.of(), "");

    private static String chartOf(List<PartyTally> tallies) {
        Drawn drawn = lastChart;
        if (drawn.tallies().equals(tallies)) {
            return drawn.svg();
        }
        String svg = ResultChart.svg(tallies);
        lastChart = new Drawn(tallies, svg);
        return svg;
    }

    /** The list of names, its heading shown once there is a name, its rows replaced as one piece of markup. */
    private void showVotes(List<NamedVote> named) {
        shownVotes = named;
        if (votesList == null) {
            votesList = new Div();
            votesList.addClassName("cg-people");
            votes.add(new H3("Who voted how"), votesList);
        }
        votes.setVisible(!named.isEmpty());
        votesList.getElement().setProperty("innerHTML", VoteList.html(named));
    }

    /**
     * The tally per party as one piece of markup, as {@link StackedHtml} writes tables: read-only, and redrawn at
     * every vote on every open page, where a grid's rows were kept, keyed and sent one by one.
     */
    private static String table(List<PartyResult> parties, boolean showChoices) {
        List<String> headings = showChoices ? List.of("May vote", "Voted", "For", "Against", "Abstain") : List.of("May vote", "Voted");
        List<StackedHtml.Row> rows = parties.stream().map(p -> {
            List<String> cells = new java.util.ArrayList<>(List.of(String.valueOf(p.electorate()),
                    p.voted() + " (" + (p.electorate() == 0 ? 0 : 100 * p.voted() / p.electorate()) + "%)"));
            if (showChoices) {
                cells.addAll(List.of(String.valueOf(p.forVotes()), String.valueOf(p.against()), String.valueOf(p.abstain())));
            }
            return new StackedHtml.Row(StackedHtml.text(p.party()), cells);
        }).toList();
        return StackedHtml.tableHtml(null, "Party", headings, rows);
    }

    private Div votingPanel(BallotDetails b) {
        Div panel = new Div();
        panel.addClassName("cg-card");
        choiceButtons.clear();
        myVote = null;
        if (!b.elector()) {
            panel.add(new Paragraph("You were not a member of the group when this ballot opened, so you cannot vote in it."));
        } else {
            myVote = new Paragraph();
            HorizontalLayout choices = new HorizontalLayout();
            choices.setWrap(true);
            for (Choice c : Choice.values()) {
                Button vote = new Button(c.label(), e -> cast(c));
                choiceButtons.put(c, vote);
                choices.add(vote);
            }
            if (b.myReason() != null && reason.isEmpty()) {
                reason.setValue(b.myReason());
            }
            panel.add(myVote, reason, choices);
        }
        if (b.canClose()) {
            Button close = new Button("Close ballot now", e -> Confirmation.ask(e.getSource(), "Close this ballot?",
                    "Votes can no longer be cast or changed; the outcome is recorded.", "Close ballot", () -> {
                try {
                    ballots.close(ballotId);
                } catch (InvalidInputException | AccessDeniedException refused) {
                    Forms.error(refused.getMessage());
                }
                refresh();
            }));
            close.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            panel.add(close);
        }
        return panel;
    }

    /** The member's own vote, said in words and by which button is pressed, changed in place (and only if it changed). */
    private void showMyVote(Choice mine) {
        if (myVote == null) {
            return;
        }
        setText(myVote, mine == null ? "You have not voted yet." : "Your vote: " + mine.label()
                + ". You can change it until the ballot closes.");
        choiceButtons.forEach((c, vote) -> {
            String pressed = String.valueOf(c == mine);
            if (pressed.equals(vote.getElement().getAttribute("aria-pressed"))) {
                return;
            }
            if (c == mine) {
                vote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                vote.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            vote.getElement().setAttribute("aria-pressed", pressed);
        });
    }

    /**
     * The member's vote is shown as cast at once; the tally and the list of names follow with the announcement of
     * the vote, which reaches this page as it reaches every other page on the ballot (within a second, shared with
     * them). Reading the whole ballot again here for the voter alone was a tenth of the app's work under
     * bench/run-load.
     */
    private void cast(Choice choice) {
        Forms.clear(reason);
        try {
            ballots.vote(ballotId, choice, reason.getValue());
            Forms.success("Your vote is recorded: " + choice.label() + ".");
            showMyVote(choice);
            return;
        } catch (TooBusyException busy) {
            Forms.error(busy.getMessage());
            return;
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("reason", reason));
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
        refresh();
    }
}
