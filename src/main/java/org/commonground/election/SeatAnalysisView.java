package org.commonground.election;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.election.map.HexMapSvg;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.SeatVerdict;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.PartyMarker;

/**
 * The seat analysis of one election for an alliance the member chooses: a summary of target seats by best-placed
 * party, the hexagon map, and the same facts as a sortable, filterable grid (the map's text alternative).
 */
@Route("elections/:electionId(\\d+)")
@PageTitle("Seat analysis · Common Ground")
@PermitAll
public class SeatAnalysisView extends VerticalLayout implements BeforeEnterObserver {

    private static final String ANY = "Any";

    private final ElectionService elections;
    private final PartyPalette palette;
    final MultiSelectComboBox<String> alliance = new MultiSelectComboBox<>("Alliance parties");
    final Select<String> country = select("Country");
    final Select<String> region = select("Region");
    final Select<String> winner = select("Winner");
    final Select<String> bestPlaced = select("Best-placed alliance party");
    final Checkbox targetsOnly = new Checkbox("Target seats only");
    final TextField search = new TextField("Constituency");
    final Grid<SeatVerdict> grid = new Grid<>();
    /** The grid's rows as cards, shown instead of it on a phone (styles/commonground.css, "390 px"). */
    final VirtualList<SeatVerdict> cards = new VirtualList<>();
    final Button filtersToggle = new Button();
    private final FlexLayout filters = new FlexLayout();
    final Div summary = new Div();
    private final Div map = new Div();
    private ListDataProvider<SeatVerdict> rows;
    private long electionId;
    /** Read once per visit: choosing another alliance recolours the map, it does not move it. */
    private ElectionService.ConstituencyMap constituencyMap;
    private Map<String, String> colours = Map.of();

    public SeatAnalysisView(ElectionService elections, PartyPalette palette) {
        this.elections = elections;
        this.palette = palette;
        addClassName("cg-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        electionId = event.getRouteParameters().getLong("electionId").orElse(0L);
        removeAll();
        ElectionService.SeatReport report;
        try {
            report = elections.analysis(electionId, Alliance.standard());
        } catch (InvalidInputException missing) {
            add(new H2("Election not found"), new Anchor("elections", "All elections"));
            return;
        }
        add(new H2("Seat analysis: " + report.election().name()), new Anchor("elections", "All elections"));
        constituencyMap = elections.hexMap();
        colours = palette.colours();
        alliance.setItems(report.election().parties());
        alliance.setWidth("min(30rem, 100%)");
        alliance.setHelperText("Leave empty for the usual alliance: LAB, LD and GRN everywhere, with PC in Wales and SNP in Scotland.");
        alliance.addValueChangeListener(e -> analyse());
        summary.addClassName("cg-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        map.addClassName("cg-map");
        buildGrid();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        for (var filter : List.of(country, region, winner, bestPlaced)) {
            filter.addValueChangeListener(e -> refilter());
        }
        targetsOnly.addValueChangeListener(e -> refilter());
        search.addValueChangeListener(e -> refilter());
        filters.add(search, country, region, winner, bestPlaced, targetsOnly);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("cg-filters");
        filters.setId("seat-filters");
        // On a phone the filters would fill the first screen: folded behind a button that says how many are in use.
        filtersToggle.addClassName("cg-filters-toggle");
        filtersToggle.getElement().setAttribute("aria-controls", filters.getId().orElseThrow());
        filtersToggle.addClickListener(e -> showFilters(!filters.hasClassName("cg-open")));
        showFilters(false);
        cards.setRenderer(new ComponentRenderer<>(this::card));
        cards.addClassName("cg-seat-cards");
        grid.addClassName("cg-seat-grid");
        add(alliance, summary, new H3("Map"), map, new H3("Constituencies"), filtersToggle, filters, grid, cards);
        show(report.seats());
    }

    private void analyse() {
        Alliance chosen = alliance.getValue().isEmpty() ? Alliance.standard() : Alliance.of(alliance.getValue());
        show(elections.analysis(electionId, chosen).seats());
    }

    private void show(List<SeatVerdict> seats) {
        options(country, seats, SeatVerdict::country);
        options(region, seats, SeatVerdict::region);
        options(winner, seats, SeatVerdict::winner);
        options(bestPlaced, seats, SeatVerdict::bestPlaced);
        rows = new ListDataProvider<>(seats);
        grid.setItems(rows);
        cards.setDataProvider(rows);
        refilter();

        summary.removeAll();
        long targets = seats.stream().filter(SeatVerdict::target).count();
        summary.add(new Paragraph(targets + " target seats of " + seats.size()
                + ": seats won by a party outside the alliance where the alliance's parties together polled more."));
        Map<String, Long> byParty = new TreeMap<>(seats.stream().filter(SeatVerdict::target)
                .collect(Collectors.groupingBy(SeatVerdict::bestPlaced, Collectors.counting())));
        Div counts = new Div();
        counts.addClassName("cg-target-counts");
        byParty.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
            Span count = new Span(PartyMarker.of(e.getKey(), PartyPalette.colourOf(colours, e.getKey())), new Span(" best placed in " + e.getValue()));
            count.addClassName("cg-target-count");
            counts.add(count);
        });
        summary.add(counts);

        map.removeAll();
        Map<String, HexMapSvg.Cell> cells = new HashMap<>();
        for (SeatVerdict v : seats) {
            String description = (v.target() ? "target seat, " : "") + "won by " + v.winner()
                    + (v.bestPlaced() == null ? "" : ", best-placed alliance party " + v.bestPlaced());
            cells.put(v.onsId(), new HexMapSvg.Cell(PartyPalette.colourOf(colours, v.bestPlaced()), v.target(), description));
        }
        map.add(new Svg(HexMapSvg.svg(constituencyMap.layout(), cells, ons -> "constituencies/" + ons)),
                new Paragraph("Each hexagon is a constituency, coloured by its best-placed alliance party; target seats have a dark ring and dot. "
                        + "Press Tab to move between constituencies and Enter to open one; the table below holds the same facts."));
        constituencyMap.credit().ifPresent(credit -> {
            Paragraph line = new Paragraph(credit);
            line.addClassName("cg-map-credit");
            map.add(line);
        });
    }

    private void buildGrid() {
        grid.addComponentColumn(v -> new Anchor("constituencies/" + v.onsId(), v.constituency()))
                .setHeader("Constituency").setComparator(SeatVerdict::constituency).setSortable(true).setAutoWidth(true).setFrozen(true);
        grid.addColumn(SeatVerdict::country).setHeader("Country").setSortable(true).setAutoWidth(true);
        grid.addColumn(SeatVerdict::region).setHeader("Region").setSortable(true).setAutoWidth(true);
        grid.addColumn(SeatVerdict::winner).setHeader("Winner").setSortable(true).setAutoWidth(true);
        number(SeatVerdict::winnerVotes, "Winner's votes");
        grid.addColumn(v -> Objects.toString(v.bestPlaced(), "–")).setHeader("Best placed").setSortable(true).setAutoWidth(true);
        number(SeatVerdict::bestPlacedVotes, "Best placed's votes");
        number(SeatVerdict::allianceVotes, "Alliance votes");
        number(SeatVerdict::gap, "Gap");
        grid.addColumn(SeatAnalysisView::shareNeeded)
                .setHeader("Share of allies' voters needed").setComparator(v -> v.shareNeeded() == null ? 2.0 : v.shareNeeded())
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(v -> v.target() ? "Target" : v.speaker() ? "Speaker" : "").setHeader("Target")
                .setComparator(v -> v.target() ? 0 : 1).setSortable(true).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("32rem");
        grid.setMultiSort(true);
    }

    private void number(Function<SeatVerdict, Integer> value, String header) {
        grid.addColumn(v -> String.format(Locale.UK, "%,d", value.apply(v))).setHeader(header)
                .setComparator(Comparator.comparing(value)).setSortable(true).setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    private void showFilters(boolean open) {
        filters.setClassName("cg-open", open);
        filtersToggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
    }

    private void refilter() {
        long active = Stream.of(country, region, winner, bestPlaced).filter(f -> !matchesAll(f)).count()
                + (targetsOnly.getValue() ? 1 : 0) + (search.getValue().isBlank() ? 0 : 1);
        filtersToggle.setText(active == 0 ? "Filters" : "Filters (" + active + " in use)");
        if (rows == null) {
            return;
        }
        String text = search.getValue().strip().toLowerCase(Locale.ROOT);
        rows.setFilter(v -> matches(country, v.country()) && matches(region, v.region()) && matches(winner, v.winner())
                && matches(bestPlaced, v.bestPlaced()) && (!targetsOnly.getValue() || v.target())
                && (text.isEmpty() || v.constituency().toLowerCase(Locale.ROOT).contains(text)));
    }

    private static boolean matches(Select<String> filter, String value) {
        return matchesAll(filter) || filter.getValue().equals(value);
    }

    private static boolean matchesAll(Select<String> filter) {
        return filter.getValue() == null || ANY.equals(filter.getValue());
    }

    /** A seat on a phone: the grid's facts that decide a stand-down, each party by its marker and code. */
    private Div card(SeatVerdict v) {
        Div heading = new Div(new Anchor("constituencies/" + v.onsId(), v.constituency()));
        heading.addClassName("cg-card-heading");
        if (v.target() || v.speaker()) {
            Span flag = new Span(v.target() ? "Target" : "Speaker");
            flag.addClassName("cg-status");
            heading.add(flag);
        }
        Div card = new Div(heading, fact("Won by", party(v.winner()), votes(v.winnerVotes())),
                fact("Best placed", party(v.bestPlaced()), v.bestPlaced() == null ? new Span() : votes(v.bestPlacedVotes())),
                fact("Alliance votes", votes(v.allianceVotes())), fact("Gap", votes(v.gap())),
                fact("Share of allies' voters needed", new Span(shareNeeded(v))));
        Span where = new Span(v.region() + ", " + v.country());
        where.addClassName("cg-seat-fact-label");
        card.add(where);
        card.addClassName("cg-seat-card");
        return card;
    }

    private Span party(String code) {
        return code == null ? new Span("–") : PartyMarker.of(code, PartyPalette.colourOf(colours, code));
    }

    private static Span votes(int count) {
        return new Span(String.format(Locale.UK, "%,d votes", count));
    }

    private static Div fact(String label, Component... values) {
        Span name = new Span(label);
        name.addClassName("cg-seat-fact-label");
        Div fact = new Div(name);
        fact.add(values);
        fact.addClassName("cg-seat-fact");
        return fact;
    }

    private static String shareNeeded(SeatVerdict v) {
        return v.shareNeeded() == null ? "–" : String.format(Locale.ROOT, "%.0f%%", v.shareNeeded() * 100);
    }

    private static void options(Select<String> filter, List<SeatVerdict> seats, Function<SeatVerdict, String> value) {
        String chosen = filter.getValue();
        TreeSet<String> values = seats.stream().map(value).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> items = new java.util.ArrayList<>();
        items.add(ANY);
        items.addAll(values);
        filter.setItems(items);
        filter.setValue(chosen != null && items.contains(chosen) ? chosen : ANY);
    }

    private static Select<String> select(String label) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        return select;
    }
}
