package org.commonground.pact;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.commonground.ui.Badges;

/** How a pact's state shows, wherever it is shown: "Collapsed" must never look like "Ratified". */
final class PactBadge {

    private PactBadge() {
    }

    static Span of(PactState state) {
        return Badges.badge(state.label(), tone(state), icon(state));
    }

    static void show(Span badge, PactState state) {
        Badges.show(badge, state.label(), tone(state), icon(state));
    }

    static Badges.Tone tone(PactState state) {
        return switch (state) {
            case RATIFIED, PUBLISHED -> Badges.Tone.SUCCESS;
            case COLLAPSED -> Badges.Tone.FAILURE;
            case DRAFT, NEGOTIATING, RATIFYING -> Badges.Tone.NEUTRAL;
        };
    }

    private static VaadinIcon icon(PactState state) {
        return switch (state) {
            case DRAFT -> VaadinIcon.EDIT;
            case NEGOTIATING -> VaadinIcon.COMMENTS_O;
            case RATIFYING -> VaadinIcon.HOURGLASS_START;
            case RATIFIED, PUBLISHED, COLLAPSED -> tone(state).icon();
        };
    }
}
