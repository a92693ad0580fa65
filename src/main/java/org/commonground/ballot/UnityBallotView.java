package org.commonground.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.ballot.rules.ranked.Round;
import org.commonground.ballot.rules.ranked.Standing;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Confirmation;
import org.commonground.ui.Focus;
import org.commonground.ui.Forms;
import org.commonground.ui.StackedTable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A unity-candidate ballot: while open, the member ranks the candidates with a numbered choice beside each (or ticks
 * the ones they approve), all by keyboard; after the close, the count round by round, each round a table of votes with
 * the voters' parties beside each total, and the count in sentences.
 */
@Route("unity/:ballotId(\\d+)")
@PageTitle("Unity-candidate ballot · Common Ground")
@PermitAll
public class UnityBallotView extends VerticalLayout implements BeforeEnterObserver {

    private final UnityBallotService unity;
    private long ballotId;
    private final H2 heading = new H2();
    /** "Your ranking is recorded", or why not: announced to screen readers as it changes. */
    final Paragraph myStatus = new Paragraph();
    /** A problem with the ranking as a whole (a number skipped, nothing ranked). */
    final Paragraph rankingProblem = new Paragraph();
    final Map<Long, Select<Integer>> ranks = new LinkedHashMap<>();
    final Map<Long, Checkbox> approvals = new LinkedHashMap<>();

    public UnityBallotView(UnityBallotService unity) {
        this.unity = unity;
        addClassName("cg-page");
        myStatus.getElement().setAttribute("role", "status");
        rankingProblem.addClassName("cg-error");
        rankingProblem.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ballotId = event.getRouteParameters().getLong("ballotId").orElse(0L);
        show();
    }

    void show() {
        removeAll();
        ranks.clear();
        approvals.clear();
        UnityBallotDetails d;
        try {
            d = unity.details(ballotId);
        } catch (InvalidInputException | AccessDeniedException missing) {
            add(new H2("Ballot not found"), new Paragraph(missing.getMessage()));
            return;
        }
        heading.setText("Unity candidate for " + d.constituency());
        add(heading, new Paragraph(new Anchor("pacts/" + d.pactId() + "/unity/" + d.onsCode(), "All ballots for " + d.constituency()),
                new Span(" \u00b7 "), new Anchor("pacts/" + d.pactId(), "\u201c" + d.pactTitle() + "\u201d")));
        add(new Paragraph(d.method().label() + ". " + d.rules()),
                new Paragraph("Nobody sees how anyone else voted: only the count is shown, once the ballot closes."),
                new Paragraph(d.isOpen() ? "Open since " + Dates.dayAndTime(d.openedAt())
                        + (d.closesAt() != null ? "; closes " + Dates.dayAndTime(d.closesAt()) : "; a convenor closes it") + ". "
                        + d.voted() + " of " + d.electorate() + " members have voted."
                        : "Closed " + Dates.dayAndTime(d.closedAt()) + ". " + d.voted() + " of " + d.electorate() + " members voted."));
        List<UnityCandidate> gone = d.candidates().stream().filter(UnityCandidate::withdrawn).toList();
        for (UnityCandidate c : gone) {
            add(new Paragraph(c.name() + " withdrew on " + Dates.dayAndTime(c.withdrawnAt()) + (d.method() == UnityMethod.RANKED
                    ? ": a ballot ranking them counts for the next candidate ranked on it." : ": approvals of them are not counted.")));
        }
        if (d.isOpen()) {
            if (d.elector()) {
                add(d.method() == UnityMethod.RANKED ? rankingForm(d) : approvalForm(d));
            } else {
                add(new Paragraph("You are not in this ballot's electorate: it is the group's members when it opened whose party has confirmed them."));
            }
            if (d.convenor()) {
                add(convenorActions(d));
            }
        } else {
            add(result(d));
        }
    }

    private String label(UnityBallotDetails d, UnityCandidate c) {
        return c.name() + " (" + d.partyName(c.partyCode()) + ")";
    }

    private Div rankingForm(UnityBallotDetails d) {
        Div form = new Div(new H3("Your ranking"),
                new Paragraph("Number the candidates in your order of preference: 1 for your first choice, 2 for your next, and so on. "
                        + "Leave a candidate unnumbered if you would not rank them."));
        List<UnityCandidate> standing = d.standing();
        List<Integer> numbers = IntStream.rangeClosed(1, standing.size()).boxed().toList();
        List<Long> mine = d.myMarks();
        for (UnityCandidate c : standing) {
            Select<Integer> rank = new Select<>();
            rank.setLabel(label(d, c));
            rank.setEmptySelectionAllowed(true);
            rank.setEmptySelectionCaption("Not ranked");
            rank.setItems(numbers);
            rank.setItemLabelGenerator(n -> n == null ? "Not ranked" : ordinal(n) + " choice");
            int at = mine.indexOf(c.id());
            if (at >= 0) {
                // Withdrawn candidates are not offered: the numbers left close up, as the count reads them.
                rank.setValue((int) mine.subList(0, at).stream().filter(id -> standing.stream().anyMatch(s -> s.id() == id)).count() + 1);
            }
            ranks.put(c.id(), rank);
            form.add(new Div(rank));
        }
        Button record = new Button("Record my ranking", e -> recordRanking(d));
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rankingProblem.setVisible(false);
        myStatus.setText(mine.isEmpty() ? "You have not voted yet." : "Your ranking is recorded: " + describe(d, mine) + ".");
        form.add(rankingProblem, record, myStatus);
        mine.stream().flatMap(id -> d.candidates().stream().filter(c -> c.id() == id && c.withdrawn())).findFirst()
                .ifPresent(c -> form.add(new Paragraph("Your ranking names " + c.name() + ", who has withdrawn: it counts for your next choice. "
                        + "You may change it.")));
        return form;
    }

    void recordRanking(UnityBallotDetails d) {
        ranks.values().forEach(Forms::clear);
        rankingProblem.setVisible(false);
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        ranks.forEach((id, select) -> numbers.put(id, select.getValue()));
        try {
            unity.rank(ballotId, numbers);
            show();
            Focus.onIfLost(myStatus);
        } catch (InvalidInputException bad) {
            showProblem(bad, ranks);
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }

    private Div approvalForm(UnityBallotDetails d) {
        Div form = new Div(new H3("Your approvals"), new Paragraph("Tick every candidate you would accept as the unity candidate."));
        for (UnityCandidate c : d.standing()) {
            Checkbox box = new Checkbox(label(d, c), d.myMarks().contains(c.id()));
            approvals.put(c.id(), box);
            form.add(new Div(box));
        }
        Button record = new Button("Record my approvals", e -> recordApprovals());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rankingProblem.setVisible(false);
        myStatus.setText(d.myMarks().isEmpty() ? "You have not voted yet." : "Your approvals are recorded: " + describe(d, d.myMarks()) + ".");
        form.add(rankingProblem, record, myStatus);
        return form;
    }

    void recordApprovals() {
        rankingProblem.setVisible(false);
        Set<Long> approved = new LinkedHashSet<>();
        approvals.forEach((id, box) -> {
            if (box.getValue()) {
                approved.add(id);
            }
        });
        try {
            unity.approve(ballotId, approved);
            show();
            Focus.onIfLost(myStatus);
        } catch (InvalidInputException bad) {
            showProblem(bad, Map.of());
        } catch (AccessDeniedException denied) {
            Forms.error(denied.getMessage());
        }
    }

    /** At the candidate's choice when the problem is about one candidate; above the button otherwise. */
    private void showProblem(InvalidInputException bad, Map<Long, Select<Integer>> fields) {
        bad.problems().forEach((field, message) -> {
            Select<Integer> at = field.startsWith("candidate-") ? fields.get(Long.valueOf(field.substring("candidate-".length()))) : null;
            if (at != null) {
                at.setErrorMessage(message);
                at.setInvalid(true);
            } else {
                rankingProblem.setText(message);
                rankingProblem.setVisible(true);
            }
        });
    }

    private static String describe(UnityBallotDetails d, List<Long> marks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            long id = marks.get(i);
            String name = d.candidates().stream().filter(c -> c.id() == id).findFirst().map(UnityCandidate::name).orElse("?");
            names.add(d.method() == UnityMethod.RANKED ? (i + 1) + ". " + name : name);
        }
        return String.join(", ", names);
    }

    private Div convenorActions(UnityBallotDetails d) {
        Div box = new Div(new H3("Running the ballot"));
        box.addClassName("cg-section");
        if (d.standing().size() > 1) {
            for (UnityCandidate c : d.standing()) {
                Button withdraw = new Button("Withdraw " + c.name());
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                withdraw.addClickListener(e -> Confirmation.ask(withdraw, "Withdraw " + c.name() + "?",
                        "Ballots ranking them count for the next candidate ranked on them; the electorate is told.", "Yes, withdraw " + c.name(),
                        () -> act(() -> unity.withdraw(ballotId, c.id()))));
                box.add(withdraw);
            }
        }
        Button close = new Button("Close the ballot and count");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(e -> Confirmation.ask(close, "Close the ballot now?", "Nobody can vote or change their vote after this.",
                "Close and count", () -> act(() -> unity.close(ballotId))));
        box.add(new Div(close));
        return box;
    }

    private void act(Runnable action) {
        try {
            action.run();
            show();
            Focus.onIfLost(heading);
        } catch (InvalidInputException | AccessDeniedException refused) {
            Forms.error(refused.getMessage());
        }
    }

    private Div result(UnityBallotDetails d) {
        H3 title = new H3("The count");
        Div box = new Div(title);
        List<String> rest = new ArrayList<>();
        for (String sentence : d.sentences()) {
            if (sentence.startsWith("Round ")) {
                rest.add(sentence);
            } else {
                Paragraph p = new Paragraph(sentence);
                if (box.getComponentCount() == 1) {
                    p.addClassName("cg-result-headline");
                }
                box.add(p);
            }
        }
        if (d.rankedCount() != null) {
            for (Round round : d.rankedCount().rounds()) {
                box.add(new H4("Round " + round.number() + (round.number() == 1 ? ": first preferences" : "")));
                box.add(table(d, round.standings(), "Votes", round.exhausted()));
                rest.stream().filter(s -> s.startsWith("Round " + round.number() + ":")).findFirst().ifPresent(s -> box.add(new Paragraph(s)));
            }
        } else if (d.approvalCount() != null && !d.approvalCount().standings().isEmpty()) {
            box.add(table(d, d.approvalCount().standings(), "Approvals", 0));
        }
        d.elected().ifPresent(winner -> {
            if (d.amendmentId() != null) {
                box.add(new Paragraph(new Span(winner.name() + " has been proposed as the alliance candidate in the terms: "),
                        new Anchor("pacts/" + d.pactId(), "accept and ratify it on the pact's page")));
            } else if (d.mayProposeWinner()) {
                Button write = new Button("Write " + winner.name() + " into the terms", e -> {
                    try {
                        unity.proposeWinner(ballotId);
                        Forms.success(winner.name() + " is proposed as an amendment to the terms.");
                        show();
                    } catch (InvalidInputException | AccessDeniedException refused) {
                        Forms.error(refused.getMessage());
                    }
                });
                write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                box.add(new Paragraph("The winner becomes the seat's alliance candidate through an amendment to the terms, accepted and ratified as any other."),
                        write);
            }
        });
        return box;
    }

    /** Each candidate's votes, with the voters' parties beside the total; the exhausted ballots last. */
    private Div table(UnityBallotDetails d, List<Standing> standings, String what, int exhausted) {
        Set<String> parties = new TreeSet<>();
        standings.forEach(s -> parties.addAll(s.byParty().keySet()));
        List<Supplier<Component>> columns = new ArrayList<>();
        columns.add(() -> new Span(what));
        for (String p : parties) {
            columns.add(() -> new Span("from " + d.partyName(p)));
        }
        StackedTable table = new StackedTable(null, "Candidate", columns);
        for (Standing s : standings) {
            List<Component> cells = new ArrayList<>();
            cells.add(new Span(String.valueOf(s.votes())));
            parties.forEach(p -> cells.add(new Span(String.valueOf(s.fromParty(p)))));
            table.addRow(new Span(s.candidate().name() + " (" + d.partyName(s.candidate().party()) + ")"), cells);
        }
        if (exhausted > 0) {
            List<Component> cells = new ArrayList<>();
            cells.add(new Span(String.valueOf(exhausted)));
            parties.forEach(p -> cells.add(new Span("")));
            table.addRow(new Span("Exhausted ballots"), cells);
        }
        Div scroll = new Div(table);
        scroll.addClassName("cg-table-scroll");
        return scroll;
    }

    private static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
