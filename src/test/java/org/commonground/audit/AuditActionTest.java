package org.commonground.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AuditActionTest {

    /**
     * The words in {@code audit_event.action} of every database and exported record so far: renaming a constant
     * must not change its word, or old rows would no longer read as what they record.
     */
    private static final String[] STORED_WORDS = {
            "MEMBER_REGISTERED", "MEMBER_REGISTERED_AS_FIRST_ADMIN", "ADMIN_CREATED_BY_CONFIGURATION", "ADMIN_GRANTED_BY_CONFIGURATION",
            "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFIED", "PASSWORD_RESET_REQUESTED", "PASSWORD_RESET", "REGISTRATION_WITH_TAKEN_ADDRESS",
            "RECOVERY_CODES_REPLACED", "SIGNED_IN_WITH_AUTHENTICATOR_CODE", "SIGNED_IN_WITH_RECOVERY_CODE", "SECOND_STEP_FAILED", "SECOND_FACTOR_ADDED", "SECOND_FACTOR_REMOVED",
            "PARTY_CREATED", "PARTY_UPDATED", "PARTY_CONFIRMED", "PARTY_CONFIRMATION_REVOKED", "PARTY_ORGANISER_APPOINTED", "PARTY_ORGANISER_REMOVED",
            "GROUP_CREATED", "GROUP_LINE_WIDTH", "GROUP_EXPORTED", "JOIN_REQUESTED", "JOIN_REQUEST_WITHDRAWN", "JOIN_APPROVED", "JOIN_REFUSED",
            "CONVENOR_PROMOTED", "MEMBER_INVITED", "INVITATION_ACCEPTED", "INVITATION_DECLINED", "MEMBER_LEFT", "MEMBER_REMOVED",
            "DELEGATE_APPOINTED", "DELEGATE_REMOVED",
            "PROPOSAL_CREATED", "PROPOSAL_REVISED", "PROPOSAL_DISCUSSION", "PROPOSAL_VOTING", "PROPOSAL_WITHDRAWN", "PROPOSAL_COAUTHOR_ADDED",
            "AMENDMENT_PROPOSED", "AMENDMENT_ACCEPTED", "AMENDMENT_REJECTED", "AMENDMENT_WITHDRAWN",
            "COMPROMISE_PROPOSED", "COMPROMISE_ACCEPTED", "COMPROMISE_DECLINED", "VOTING_LIST_ORDERED",
            "COMMENT_POSTED", "COMMENT_EDITED", "COMMENT_DELETED",
            "PACT_STARTED", "PACT_REVISED", "PACT_NEGOTIATING", "PACT_AMENDMENT_PROPOSED", "PACT_AMENDMENT_ACCEPTED", "PACT_AMENDMENT_REJECTED",
            "PACT_AMENDMENT_WITHDRAWN", "PACT_RATIFYING", "PACT_RATIFICATION_PLANNED", "PACT_RATIFIED_BY_PARTY", "PACT_REJECTED_BY_PARTY",
            "PACT_RATIFIED", "PACT_COLLAPSED", "PACT_GROUP_INVITED", "PACT_GROUP_JOINED", "PACT_GROUP_DECLINED", "PACT_GROUP_LEFT",
            "PACT_GROUP_READER_INVITED", "PACT_GROUP_READING", "PACT_GROUP_READER_DECLINED", "PACT_GROUP_STOPPED_READING",
            "PACT_GROUP_READER_WITHDRAWN",
            "BALLOT_OPENED", "BALLOT_CLOSED", "BALLOT_CANCELLED", "VOTE_CAST", "VOTE_CHANGED",
            "PUBLISHED", "PUBLISHED_CORRECTION", "CORRECTION_PROPOSED", "ELECTION_IMPORTED", "HEX_MAP_IMPORTED",
            "PROPOSAL_RETURNED_TO_DISCUSSION", "AMENDMENTS_LAPSED",
            "UNITY_BALLOT_OPENED", "UNITY_MARKS_CAST", "UNITY_MARKS_CHANGED", "UNITY_CANDIDATE_WITHDRAWN", "UNITY_BALLOT_CLOSED",
            "UNITY_WINNER_PROPOSED", "PACT_DEADLINE_SET", "PACT_RATIFICATION_REMINDED", "PUBLIC_ELECTION_CHOSEN"};

    @Test
    void everyStoredWordStillReadsAsItsActionAndEveryActionHasOneOfThem() {
        for (String word : STORED_WORDS) {
            assertThat(AuditAction.fromCode(word).code()).isEqualTo(word);
        }
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code)).containsExactlyInAnyOrder(STORED_WORDS);
    }

    @Test
    void anUnknownWordIsRefusedByNameNotReadAsAnotherAction() {
        assertThat(AuditAction.byCode("COMMENT_POSTD")).isEmpty();
        assertThatThrownBy(() -> AuditAction.fromCode("COMMENT_POSTD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"COMMENT_POSTD\"");
        assertThatThrownBy(() -> AuditAction.fromCode("comment_posted")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditAction.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
