package org.commonground.ui;

import com.vaadin.flow.component.html.Span;

/** A party's code with a dot of its colour: the colour never carries the meaning alone. */
public final class PartyMarker {

    private PartyMarker() {
    }

    public static Span of(String code, String colour) {
        Span marker = new Span(code);
        marker.addClassName("cg-party-marker");
        marker.getStyle().set("--cg-party-colour", colour);
        return marker;
    }
}
