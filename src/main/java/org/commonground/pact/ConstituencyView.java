package org.commonground.pact;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.election.ElectionService;
import org.commonground.election.PartyPalette;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.VotesChart;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.shared.InvalidInputException;

/**
 * One constituency: its results in each imported election as a bar chart, and the pacts covering it that the member may
 * read, with their terms there in words and a flag where two of them contradict each other.
 */
@Route("constituencies/:onsCode([EWSN][0-9]{8})")
@PageTitle("Constituency · Common Ground")
@PermitAll
public class ConstituencyView extends VerticalLayout implements BeforeEnterObserver {

    private final ElectionService elections;
    private final PactSeatService seatPacts;
    private final PartyPalette palette;

    public ConstituencyView(ElectionService elections, PactSeatService seatPacts, PartyPalette palette) {
        this.elections = elections;
        this.seatPacts = seatPacts;
        this.palette = palette;
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String onsCode = event.getRouteParameters().get("onsCode").orElse("");
        removeAll();
        ElectionService.ConstituencyResults place;
        try {
            place = elections.constituency(onsCode);
        } catch (InvalidInputException missing) {
            // No results imported for it: a pact the member may read still makes it a seat worth a page.
            var covering = seatPacts.inSeat(onsCode);
            if (covering.isEmpty()) {
                add(new H2("Constituency not found"), new Anchor("elections", "Elections"));
            } else {
                add(new H2(covering.getFirst().terms().constituency()), new Paragraph(onsCode + " · no election results imported for it yet."));
                pacts(covering);
            }
            return;
        }
        add(new H2(place.name()), new Paragraph(place.region() + ", " + place.country() + " · " + place.onsCode()));
        Map<String, String> colours = palette.colours();
        for (var entry : place.results()) {
            ElectionService.ElectionSummary election = entry.getKey();
            ConstituencyResult r = entry.getValue();
            Div result = new Div(new H3(election.name()),
                    new Paragraph(r.result() + (r.memberName().isBlank() ? "" : ": " + r.memberName()) + ". "
                            + String.format(Locale.UK, "Majority %,d; %,d valid votes of an electorate of %,d (turnout %.1f%%).",
                            r.majority(), r.validVotes(), r.electorate(), r.electorate() == 0 ? 0.0 : 100.0 * r.validVotes() / r.electorate())),
                    new Svg(VotesChart.svg(r, code -> PartyPalette.colourOf(colours, code))),
                    new Anchor("elections/" + election.id(), "Seat analysis of " + election.name()));
            result.addClassName("cg-section");
            add(result);
        }
        pacts(seatPacts.inSeat(onsCode));
    }

    /** Each pact over the seat with its terms there, and what contradicts it. */
    private void pacts(List<PactSeatService.SeatPact> covering) {
        add(new H3("Pacts"));
        if (covering.isEmpty()) {
            add(new Paragraph("No pact you can see covers this constituency."));
        }
        for (PactSeatService.SeatPact sp : covering) {
            PactSummary p = sp.pact();
            Div pact = new Div(new Anchor("pacts/" + p.id(), p.title()), new Paragraph(p.groupName() + " · " + p.state().label()),
                    new Paragraph(inWords(sp.terms())));
            pact.addClassName("cg-seat-pact");
            for (PactSeatService.Conflict c : sp.conflicts()) {
                Paragraph flag = new Paragraph("Contradicts ");
                flag.add(new Anchor("pacts/" + c.otherPactId(), c.otherTitle()), new Span(": " + c.why()));
                flag.addClassName("cg-notice");
                flag.addClassName("cg-pact-conflict");
                pact.add(flag);
            }
            add(pact);
        }
    }

    /** "Alliance candidate: Jane Smith (independent). GRN stands down; PC not standing." */
    static String inWords(SeatTerms seat) {
        StringBuilder words = new StringBuilder("Alliance candidate: ").append(seat.candidate() == null ? "not chosen yet"
                : seat.candidate() instanceof Candidate.PartyCandidate party ? party.party() + "'s candidate" : seat.candidate().inWords()).append('.');
        if (!seat.stances().isEmpty()) {
            words.append(' ').append(seat.stances().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().label())
                    .collect(java.util.stream.Collectors.joining("; "))).append('.');
        }
        return words.toString();
    }
}
