package org.commonground.search;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.commonground.shared.InvalidInputException;
import org.commonground.ui.Cards;
import org.commonground.ui.Forms;

/**
 * One search box over everything the member may read: proposals, amendments, comments and pacts, best match
 * first, each with its group and a passage with the matching words marked. {@code search?q=words} runs a search.
 */
@Route("search")
@PageTitle("Search · Common Ground")
@PermitAll
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 50;

    private final SearchService search;
    final TextField query = new TextField("Search");
    final Button go = new Button("Search", VaadinIcon.SEARCH.create());
    final Paragraph summary = new Paragraph();
    final Div results = new Div();

    public SearchView(SearchService search) {
        this.search = search;
        addClassName("cg-page");
        query.setPlaceholder("Words, names or \"a phrase\"");
        query.setHelperText("Finds the proposals, amendments, comments and pacts you may read. \"Quote\" a phrase; "
                + "or between words finds either; -word leaves out what has it.");
        query.setClearButtonVisible(true);
        query.setWidth("32em");
        query.addKeyPressListener(Key.ENTER, e -> run());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickListener(e -> run());
        HorizontalLayout form = new HorizontalLayout(query, go);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        summary.addClassName("cg-search-summary");
        results.addClassName("cg-cards");
        add(new H2("Search"), form, summary, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q = event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        if (!q.isEmpty() && !q.getFirst().isBlank()) {
            query.setValue(q.getFirst());
            run();
        }
    }

    private void run() {
        Forms.clear(query);
        results.removeAll();
        summary.setText("");
        String typed = query.getValue();
        List<SearchResult> found;
        try {
            found = search.search(typed, LIMIT);
        } catch (InvalidInputException problem) {
            // The words stay in the field, with what is wrong beneath them.
            Forms.show(problem, Map.of("query", query));
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location("search", QueryParameters.of("q", typed.strip()))));
        summary.setText(found.isEmpty() ? "Nothing you may read matches these words."
                : found.size() == LIMIT ? "The " + LIMIT + " best matches; add a word to narrow the search."
                : found.size() == 1 ? "1 match." : found.size() + " matches, best first.");
        for (SearchResult r : found) {
            results.add(card(r));
        }
    }

    static Div card(SearchResult r) {
        Span group = new Span(r.groupName());
        Div footer = new Div(group);
        footer.addClassName("cg-card-footer");
        Div card = r.snippet().parts().isEmpty() ? Cards.card(r.link(), r.title(), r.label(), footer)
                : Cards.card(r.link(), r.title(), r.label(), snippet(r.snippet()), footer);
        card.addClassName("cg-search-result");
        return card;
    }

    /** The passage as text nodes, matches in {@code <mark>}: what a member wrote is never read as HTML. */
    static Paragraph snippet(Snippet snippet) {
        Paragraph p = new Paragraph();
        p.addClassName("cg-search-snippet");
        for (Snippet.Part part : snippet.parts()) {
            if (part.highlighted()) {
                p.getElement().appendChild(new Element("mark").setText(part.text()));
            } else {
                p.getElement().appendChild(Element.createText(part.text()));
            }
        }
        return p;
    }
}
