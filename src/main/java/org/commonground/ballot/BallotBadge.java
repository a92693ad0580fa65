package org.commonground.ballot;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.commonground.ballot.rules.Decision;
import org.commonground.ui.Badges;

/** How a ballot's standing shows, on its page and in lists: one mapping from what it came to, to words, tone and icon. */
final class BallotBadge {

    private BallotBadge() {
    }

    static Span of(BallotDetails b) {
        if (b.isOpen()) {
            return Badges.badge("Open", Badges.Tone.NEUTRAL, VaadinIcon.HOURGLASS_START);
        }
        return b.decided().map(o -> of(o.decision())).orElseGet(() -> Badges.badge("Cancelled", Badges.Tone.NEUTRAL, VaadinIcon.BAN));
    }

    static Span of(Decision d) {
        return Badges.badge(d.label(), tone(d), switch (d) {
            case TIED -> VaadinIcon.SCALE;
            case NO_QUORUM -> VaadinIcon.USERS;
            default -> tone(d).icon();
        });
    }

    static Badges.Tone tone(Decision d) {
        return switch (d) {
            case PASSED -> Badges.Tone.SUCCESS;
            case FAILED, BLOCKED -> Badges.Tone.FAILURE;
            case TIED, NO_QUORUM, NO_ELECTORATE -> Badges.Tone.CAUTION;
        };
    }
}
