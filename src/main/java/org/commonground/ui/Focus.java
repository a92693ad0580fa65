package org.commonground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/**
 * Where keyboard focus goes when the page changes under it. A view that rebuilds itself (a posted comment, a closed
 * ballot) or a navigation would otherwise leave focus on a removed element, that is on the body, and the next Tab
 * would start again at the top of the page.
 */
public final class Focus {

    /** The id of the routed view inside the main layout: the skip link's target. */
    public static final String MAIN = "main-content";

    /** Focuses the main region's first heading (or the region itself), made focusable by script only. */
    public static final String MAIN_HEADING = """
            const main = document.getElementById('main-content');
            if (main) {
              const target = main.querySelector('h1, h2') || main;
              if (!target.hasAttribute('tabindex')) {
                target.setAttribute('tabindex', '-1');
              }
              target.classList.add('cg-focus-target');
              target.focus();
            }""";

    private Focus() {
    }

    /** Moves focus to the main heading of the page, once the current round trip's changes are in the browser. */
    public static void mainHeading(UI ui) {
        ui.getPage().executeJs(MAIN_HEADING);
    }

    /** Moves focus to something that is not a control (a heading, a comment, a result), focusable by script only. */
    public static void on(Component target) {
        focusable(target);
        target.getElement().executeJs("this.focus()");
    }

    /** As {@link #on}, but only if focus was lost (it was on something just removed), never taken from elsewhere. */
    public static void onIfLost(Component target) {
        focusable(target);
        target.getElement().executeJs("if (!document.activeElement || document.activeElement === document.body) { this.focus(); }");
    }

    /** Lets script focus a component that is no control, with the same visible ring as the controls; Tab skips it. */
    public static void focusable(Component target) {
        target.getElement().setAttribute("tabindex", "-1");
        target.getElement().getClassList().add("cg-focus-target");
    }

    /** Moves focus to the element with this id, if the page has one (it may be built in this round trip). */
    public static void onId(String id) {
        UI.getCurrent().getPage().executeJs("const e = document.getElementById($0); if (e) { e.focus(); }", id);
    }
}
