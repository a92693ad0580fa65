package org.commonground.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.audit.AuditAction.AMENDMENT_ACCEPTED;
import static org.commonground.audit.AuditAction.AMENDMENT_PROPOSED;
import static org.commonground.audit.AuditAction.AMENDMENT_REJECTED;
import static org.commonground.audit.AuditAction.BALLOT_CANCELLED;
import static org.commonground.audit.AuditAction.BALLOT_CLOSED;
import static org.commonground.audit.AuditAction.BALLOT_OPENED;
import static org.commonground.audit.AuditAction.COMMENT_POSTED;
import static org.commonground.audit.AuditAction.PACT_AMENDMENT_ACCEPTED;
import static org.commonground.audit.AuditAction.PACT_AMENDMENT_PROPOSED;
import static org.commonground.audit.AuditAction.PACT_COLLAPSED;
import static org.commonground.audit.AuditAction.PACT_NEGOTIATING;
import static org.commonground.audit.AuditAction.PACT_RATIFIED;
import static org.commonground.audit.AuditAction.PACT_RATIFYING;
import static org.commonground.audit.AuditAction.PROPOSAL_DISCUSSION;
import static org.commonground.audit.AuditAction.PROPOSAL_VOTING;
import static org.commonground.audit.AuditAction.PROPOSAL_WITHDRAWN;
import static org.commonground.audit.AuditAction.PUBLISHED;

import java.util.EnumSet;
import java.util.Set;

import org.commonground.audit.AuditAction;
import org.junit.jupiter.api.Test;

/**
 * The compiler already refuses an action NotificationRecipients has not placed; this says where each is placed, so
 * that moving one from "someone hears of it" to "nobody does" (or back) is a decision made here too, not a slip.
 */
class NoticeOfEveryActionTest {

    private static final Set<AuditAction> NOTIFIED = EnumSet.of(COMMENT_POSTED, AMENDMENT_PROPOSED, AuditAction.COMPROMISE_PROPOSED, AuditAction.COMPROMISE_ACCEPTED, AuditAction.COMPROMISE_DECLINED, AMENDMENT_ACCEPTED, AMENDMENT_REJECTED,
            PROPOSAL_DISCUSSION, AuditAction.PROPOSAL_RETURNED_TO_DISCUSSION, PROPOSAL_VOTING, PROPOSAL_WITHDRAWN, PUBLISHED, PACT_RATIFYING, PACT_NEGOTIATING, PACT_AMENDMENT_PROPOSED,
            PACT_AMENDMENT_ACCEPTED, PACT_RATIFIED, PACT_COLLAPSED, AuditAction.PACT_RATIFICATION_REMINDED,
            AuditAction.PACT_GROUP_INVITED, AuditAction.PACT_GROUP_JOINED, AuditAction.PACT_GROUP_LEFT,
            AuditAction.PACT_GROUP_READER_INVITED, AuditAction.PACT_GROUP_READING, BALLOT_OPENED, BALLOT_CLOSED, BALLOT_CANCELLED,
            AuditAction.UNITY_BALLOT_OPENED, AuditAction.UNITY_CANDIDATE_WITHDRAWN, AuditAction.UNITY_BALLOT_CLOSED);

    @Test
    void everyActionIsEitherToldToSomeoneOrExplicitlyToNobody() {
        for (AuditAction action : AuditAction.values()) {
            NotificationRecipients.Notice notice = NotificationRecipients.noticeOf(action);
            assertThat(notice).as(action.code()).isNotNull();
            assertThat(notice != NotificationRecipients.NOBODY).as("%s is told to someone", action.code()).isEqualTo(NOTIFIED.contains(action));
        }
    }
}
