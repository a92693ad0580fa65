package org.commonground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The cards that list proposals, pacts, ballots and elections: a linked title, a status badge, then details. */
public final class Cards {

    private Cards() {
    }

    /** A card titled by a link to {@code href}; {@code status} null for none. */
    public static Div card(String href, String title, String status, Component... details) {
        Anchor link = new Anchor(href, title);
        link.addClassName("cg-card-title");
        Div heading = new Div(link);
        heading.addClassName("cg-card-heading");
        if (status != null) {
            Span badge = new Span(status);
            badge.addClassName("cg-status");
            heading.add(badge);
        }
        Div card = new Div(heading);
        card.add(details);
        card.addClassName("cg-card");
        return card;
    }
}
