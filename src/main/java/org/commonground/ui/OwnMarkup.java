package org.commonground.ui;

import com.vaadin.flow.component.html.Div;

/**
 * Markup this app wrote itself, every text in it already escaped ({@link StackedHtml#text}, {@code TextHtml}), shown
 * as a box's inner HTML. Vaadin's {@code Html} would first parse it with Jsoup on the server: for a 650-seat pact's
 * tables and revisions that parsing was a quarter of the page's time, and it checks nothing we need.
 */
public final class OwnMarkup {

    private OwnMarkup() {
    }

    public static Div of(String html, String... classNames) {
        Div box = new Div();
        box.addClassNames(classNames);
        box.getElement().setProperty("innerHTML", html);
        return box;
    }
}
