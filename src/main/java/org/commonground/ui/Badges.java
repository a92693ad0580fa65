package org.commonground.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Status badges that say how something stands in words, an icon and a colour together, never by colour alone: a
 * success is green with a tick, a failure red with a cross, a caution amber, anything under way or set aside neutral.
 * Each feature maps its own state type to a {@link Tone} and icon in one place.
 */
public final class Badges {

    private Badges() {
    }

    public enum Tone {
        SUCCESS(VaadinIcon.CHECK_CIRCLE),
        FAILURE(VaadinIcon.CLOSE_CIRCLE),
        CAUTION(VaadinIcon.EXCLAMATION_CIRCLE),
        NEUTRAL(VaadinIcon.CIRCLE_THIN);

        private final VaadinIcon icon;

        Tone(VaadinIcon icon) {
            this.icon = icon;
        }

        /** The icon a badge of this tone has unless its state has an icon of its own. */
        public VaadinIcon icon() {
            return icon;
        }

        String className() {
            return "cg-tone-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Span badge(String words, Tone tone, VaadinIcon icon) {
        Span badge = new Span();
        show(badge, words, tone, icon);
        return badge;
    }

    /** Shows {@code words} in an existing badge (one updated in place), replacing what it said and how. */
    public static void show(Span badge, String words, Tone tone, VaadinIcon icon) {
        badge.removeAll();
        for (Tone t : Tone.values()) {
            badge.removeClassName(t.className());
        }
        badge.addClassNames("cg-status", "cg-badge", tone.className());
        Icon shown = icon.create();
        shown.addClassName("cg-badge-icon");
        // The words say it all; the icon repeats it for the eye.
        shown.getElement().setAttribute("aria-hidden", "true");
        badge.add(shown, new Span(words));
    }
}
