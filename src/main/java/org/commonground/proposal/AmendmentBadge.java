package org.commonground.proposal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.commonground.ui.Badges;

/** How an amendment's state shows: "Rejected" and "Lapsed" must never look like "Accepted". */
final class AmendmentBadge {

    private AmendmentBadge() {
    }

    static Span of(AmendmentState state) {
        return Badges.badge(state.label(), tone(state), icon(state));
    }

    static Badges.Tone tone(AmendmentState state) {
        return switch (state) {
            case ACCEPTED -> Badges.Tone.SUCCESS;
            case REJECTED -> Badges.Tone.FAILURE;
            case LAPSED -> Badges.Tone.CAUTION;
            case PROPOSED, PUT_TO_VOTE, WITHDRAWN -> Badges.Tone.NEUTRAL;
        };
    }

    private static VaadinIcon icon(AmendmentState state) {
        return switch (state) {
            case PROPOSED -> VaadinIcon.COMMENTS_O;
            case PUT_TO_VOTE -> VaadinIcon.HOURGLASS_START;
            case WITHDRAWN -> VaadinIcon.ARCHIVE;
            case LAPSED -> VaadinIcon.CLOCK;
            case ACCEPTED, REJECTED -> tone(state).icon();
        };
    }
}
