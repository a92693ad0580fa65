package org.commonground.pact;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.html.Paragraph;
import org.commonground.shared.Dates;

/** The pact's ratification deadline, and who has yet to ratify, as every reader of the pact sees it. */
final class DeadlineNotice {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Dates.LOCALE);

    private DeadlineNotice() {
    }

    static Paragraph of(RatificationDeadline deadline) {
        StringBuilder text = new StringBuilder();
        if (deadline.pollingDay() != null) {
            text.append("By-election on ").append(WEEKDAY.format(deadline.pollingDay())).append(". ");
        }
        if (deadline.passed()) {
            text.append("The deadline for ratifying passed on ").append(Dates.dayAndTime(deadline.ratifyBy())).append('.');
        } else {
            text.append("Every party is asked to ratify by ").append(Dates.dayAndTime(deadline.ratifyBy())).append('.');
        }
        if (!deadline.awaiting().isEmpty()) {
            text.append(" Yet to ratify: ").append(String.join(", ", deadline.awaiting())).append('.');
        }
        Paragraph notice = new Paragraph(text.toString());
        notice.addClassName("cg-notice");
        notice.setId("ratification-deadline");
        return notice;
    }
}
