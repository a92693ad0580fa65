package org.commonground.proposal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.commonground.ui.Badges;

/** How a proposal's state shows, wherever it is shown: "Not agreed" must never look like "Agreed". */
final class ProposalBadge {

    private ProposalBadge() {
    }

    static Span of(ProposalState state) {
        return Badges.badge(state.label(), tone(state), icon(state));
    }

    /** {@code words} name the state, perhaps with more ("Agreed since 12 Sep 2026"). */
    static void show(Span badge, ProposalState state, String words) {
        Badges.show(badge, words, tone(state), icon(state));
    }

    static Badges.Tone tone(ProposalState state) {
        return switch (state) {
            case AGREED, PUBLISHED -> Badges.Tone.SUCCESS;
            case NOT_AGREED -> Badges.Tone.FAILURE;
            case DRAFT, DISCUSSION, VOTING, WITHDRAWN -> Badges.Tone.NEUTRAL;
        };
    }

    private static VaadinIcon icon(ProposalState state) {
        return switch (state) {
            case DRAFT -> VaadinIcon.EDIT;
            case DISCUSSION -> VaadinIcon.COMMENTS_O;
            case VOTING -> VaadinIcon.HOURGLASS_START;
            case AGREED, PUBLISHED, NOT_AGREED -> tone(state).icon();
            case WITHDRAWN -> VaadinIcon.ARCHIVE;
        };
    }
}
