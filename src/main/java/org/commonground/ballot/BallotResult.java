package org.commonground.ballot;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.ballot.rules.Outcome;
import org.commonground.ballot.rules.PartyVerdict;
import org.commonground.ui.Badges;

/**
 * A closed ballot's result: what it came to (a badge in words, icon and colour), why in sentences, and each party's
 * votes with, where the rule judges parties one by one, whether that party let it through.
 */
final class BallotResult extends Div {

    final Span badge;

    BallotResult(BallotDetails b) {
        addClassName("cg-result");
        badge = BallotBadge.of(b);
        add(badge);
        b.decided().ifPresentOrElse(this::explain, () -> add(new Paragraph(b.explanation())));
    }

    private void explain(Outcome o) {
        Div sentences = new Div();
        sentences.addClassName("cg-result-explanation");
        o.sentences().forEach(s -> sentences.add(new Paragraph(s)));
        add(sentences, table(o));
    }

    private static Grid<PartyVerdict> table(Outcome o) {
        Grid<PartyVerdict> table = new Grid<>();
        table.addClassName("cg-result-table");
        table.addColumn(v -> v.tally().party()).setHeader("Party");
        table.addColumn(v -> v.tally().forVotes()).setHeader("For");
        table.addColumn(v -> v.tally().against()).setHeader("Against");
        table.addColumn(v -> v.tally().abstain()).setHeader("Abstain");
        table.addColumn(v -> v.tally().voted() + " of " + v.tally().electorate() + " (" + v.turnoutPercent() + "%)").setHeader("Voted");
        if (o.rule().judgesEachParty()) {
            table.addComponentColumn(v -> standing(v.standing()))
                    .setHeader(o.rule() == DecisionRule.CONSENSUS ? "Objection" : "Party's verdict").setAutoWidth(true);
        }
        table.setItems(o.parties());
        table.setAllRowsVisible(true);
        return table;
    }

    private static Span standing(PartyVerdict.Standing standing) {
        Badges.Tone tone = standing == PartyVerdict.Standing.NOT_TAKING_PART ? Badges.Tone.NEUTRAL
                : standing.met() ? Badges.Tone.SUCCESS : Badges.Tone.FAILURE;
        return Badges.badge(standing.label(), tone, tone.icon());
    }
}
