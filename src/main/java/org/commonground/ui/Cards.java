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
        Span badge = null;
        if (status != null) {
            badge = new Span(status);
            badge.addClassName("cg-status");
        }
        return withBadge(href, title, badge, details);
    }

    /** A card titled by a link to {@code href}, with a badge made by {@link Badges} (null for none). */
    public static Div withBadge(String href, String title, Span badge, Component... details) {
        Anchor link = new Anchor(href, title);
        link.addClassName("cg-card-title");
        Div heading = new Div(link);
        heading.addClassName("cg-card-heading");
        if (badge != null) {
            heading.add(badge);
        }
        Div card = new Div(heading);
        card.add(details);
        card.addClassName("cg-card");
        return card;
    }
}
