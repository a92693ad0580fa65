package org.commonground.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of audited change. The {@code code} is the word stored in {@code audit_event.action} and in exported
 * group records: it never changes, even if a constant is renamed, so old rows and old exports still read.
 */
public enum AuditAction {
    // members
    MEMBER_REGISTERED("MEMBER_REGISTERED"),
    MEMBER_REGISTERED_AS_FIRST_ADMIN("MEMBER_REGISTERED_AS_FIRST_ADMIN"),
    ADMIN_CREATED_BY_CONFIGURATION("ADMIN_CREATED_BY_CONFIGURATION"),
    ADMIN_GRANTED_BY_CONFIGURATION("ADMIN_GRANTED_BY_CONFIGURATION"),
    EMAIL_VERIFICATION_SENT("EMAIL_VERIFICATION_SENT"),
    EMAIL_VERIFIED("EMAIL_VERIFIED"),
    PASSWORD_RESET_REQUESTED("PASSWORD_RESET_REQUESTED"),
    PASSWORD_RESET("PASSWORD_RESET"),
    REGISTRATION_WITH_TAKEN_ADDRESS("REGISTRATION_WITH_TAKEN_ADDRESS"),
    RECOVERY_CODES_REPLACED("RECOVERY_CODES_REPLACED"),
    SIGNED_IN_WITH_AUTHENTICATOR_CODE("SIGNED_IN_WITH_AUTHENTICATOR_CODE"),
    SIGNED_IN_WITH_RECOVERY_CODE("SIGNED_IN_WITH_RECOVERY_CODE"),
    SECOND_STEP_FAILED("SECOND_STEP_FAILED"),
    SECOND_FACTOR_ADDED("SECOND_FACTOR_ADDED"),
    SECOND_FACTOR_REMOVED("SECOND_FACTOR_REMOVED"),
    // parties
    PARTY_CREATED("PARTY_CREATED"),
    PARTY_UPDATED("PARTY_UPDATED"),
    PARTY_CONFIRMED("PARTY_CONFIRMED"),
    PARTY_CONFIRMATION_REVOKED("PARTY_CONFIRMATION_REVOKED"),
    PARTY_ORGANISER_APPOINTED("PARTY_ORGANISER_APPOINTED"),
    PARTY_ORGANISER_REMOVED("PARTY_ORGANISER_REMOVED"),
    // groups
    GROUP_CREATED("GROUP_CREATED"),
    GROUP_LINE_WIDTH("GROUP_LINE_WIDTH"),
    GROUP_EXPORTED("GROUP_EXPORTED"),
    JOIN_REQUESTED("JOIN_REQUESTED"),
    JOIN_REQUEST_WITHDRAWN("JOIN_REQUEST_WITHDRAWN"),
    JOIN_APPROVED("JOIN_APPROVED"),
    JOIN_REFUSED("JOIN_REFUSED"),
    CONVENOR_PROMOTED("CONVENOR_PROMOTED"),
    MEMBER_INVITED("MEMBER_INVITED"),
    INVITATION_ACCEPTED("INVITATION_ACCEPTED"),
    INVITATION_DECLINED("INVITATION_DECLINED"),
    MEMBER_LEFT("MEMBER_LEFT"),
    MEMBER_REMOVED("MEMBER_REMOVED"),
    DELEGATE_APPOINTED("DELEGATE_APPOINTED"),
    DELEGATE_REMOVED("DELEGATE_REMOVED"),
    // proposals and their amendments
    PROPOSAL_CREATED("PROPOSAL_CREATED"),
    PROPOSAL_REVISED("PROPOSAL_REVISED"),
    PROPOSAL_DISCUSSION("PROPOSAL_DISCUSSION"),
    PROPOSAL_VOTING("PROPOSAL_VOTING"),
    PROPOSAL_WITHDRAWN("PROPOSAL_WITHDRAWN"),
    PROPOSAL_COAUTHOR_ADDED("PROPOSAL_COAUTHOR_ADDED"),
    AMENDMENT_PROPOSED("AMENDMENT_PROPOSED"),
    AMENDMENT_ACCEPTED("AMENDMENT_ACCEPTED"),
    AMENDMENT_REJECTED("AMENDMENT_REJECTED"),
    AMENDMENT_WITHDRAWN("AMENDMENT_WITHDRAWN"),
    // comments, on proposals and pacts
    COMMENT_POSTED("COMMENT_POSTED"),
    COMMENT_EDITED("COMMENT_EDITED"),
    COMMENT_DELETED("COMMENT_DELETED"),
    // pacts
    PACT_STARTED("PACT_STARTED"),
    PACT_REVISED("PACT_REVISED"),
    PACT_NEGOTIATING("PACT_NEGOTIATING"),
    PACT_AMENDMENT_PROPOSED("PACT_AMENDMENT_PROPOSED"),
    PACT_AMENDMENT_ACCEPTED("PACT_AMENDMENT_ACCEPTED"),
    PACT_AMENDMENT_REJECTED("PACT_AMENDMENT_REJECTED"),
    PACT_AMENDMENT_WITHDRAWN("PACT_AMENDMENT_WITHDRAWN"),
    PACT_RATIFYING("PACT_RATIFYING"),
    PACT_RATIFICATION_PLANNED("PACT_RATIFICATION_PLANNED"),
    PACT_RATIFIED_BY_PARTY("PACT_RATIFIED_BY_PARTY"),
    PACT_REJECTED_BY_PARTY("PACT_REJECTED_BY_PARTY"),
    PACT_RATIFIED("PACT_RATIFIED"),
    PACT_COLLAPSED("PACT_COLLAPSED"),
    // ballots (votes are written by BallotRepository's single statement, with these codes)
    BALLOT_OPENED("BALLOT_OPENED"),
    BALLOT_CLOSED("BALLOT_CLOSED"),
    BALLOT_CANCELLED("BALLOT_CANCELLED"),
    VOTE_CAST("VOTE_CAST"),
    VOTE_CHANGED("VOTE_CHANGED"),
    // publishing, of a proposal or a pact
    PUBLISHED("PUBLISHED"),
    PUBLISHED_CORRECTION("PUBLISHED_CORRECTION"),
    CORRECTION_PROPOSED("CORRECTION_PROPOSED"),
    // elections
    ELECTION_IMPORTED("ELECTION_IMPORTED"),
    HEX_MAP_IMPORTED("HEX_MAP_IMPORTED");

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The stored word. */
    public String code() {
        return code;
    }

    /** The action stored as {@code code}, if this version records it. */
    public static Optional<AuditAction> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The action stored as {@code code}; an unknown word is refused by name, never read as some other action. */
    public static AuditAction fromCode(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown audit action \"" + code + "\": not one of the " + BY_CODE.size() + " this version records."));
    }
}
