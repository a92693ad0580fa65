package org.commonground.backup;

import static org.commonground.jooq.Tables.ELECTION;
import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import org.jooq.Field;

/**
 * The group record's JSON layout, version 1. One object:
 *
 * <pre>
 * format, format_version, schema_version, exported_at, exported_by, complete, left_out,
 * group, constituencies[], memberships[], invitations[], members[], parties[], elections[], other_groups[],
 * proposals[] (each with authors[], revisions[], amendments[], comments[], ballots[]),
 * pacts[] (each with revisions[], constituencies[], amendments[], ratifications[], comments[], ballots[], groups[],
 *          unity_ballots[] (each with candidates[], electors[], and marks[] or secret_marks)),
 * amendment_passages[], compromise_offers[], publications[], corrections[], delegates[], delegate_elections[], audit_events[]
 * </pre>
 *
 * Every row is an object of its table's columns under their database names; a ballot adds its {@code electors[]}
 * and either {@code votes[]} or, in a record that leaves out who cast which secret vote, {@code secret_votes}
 * ({@code voters[]} and each party's {@code choices[]}). Members carry no password hash and no admin flag, and in a
 * member's export no email address or email preference;
 * parties are given by id, code, name and colour; elections are named only (id, code, name), not their results; the
 * other groups a pact's {@code groups[]} name (joined, reading, invited) are named only (id, name, kind), each being
 * another group's record ({@link PactGroupRecords}). A unity ballot's {@code secret_marks} ({@code voters[]} and, once
 * it closed, each party's {@code sets[]}) stands in for its marks in a member's export ({@link UnityBallotRecords}).
 */
final class GroupRecordFormat {

    static final String FORMAT = "common-ground-group-record";
    static final int FORMAT_VERSION = 1;

    static final String FORMAT_KEY = "format";
    static final String FORMAT_VERSION_KEY = "format_version";
    static final String SCHEMA_VERSION_KEY = "schema_version";
    static final String COMPLETE_KEY = "complete";

    /** What a record says of each member: enough to restore the account, nothing to sign in with. */
    static final Field<?>[] MEMBER_COLUMNS = {MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME, MEMBER.PARTY_ID, MEMBER.LOCALE,
            MEMBER.EMAIL_NOTIFICATIONS, MEMBER.CREATED_AT};

    /** A member's export: neither a member's address nor how they take email, which the app shows nobody. */
    static final Field<?>[] MEMBER_COLUMNS_FOR_MEMBERS = {MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.PARTY_ID, MEMBER.LOCALE, MEMBER.CREATED_AT};

    /** Stands in for the address a member's export leaves out: an opaque key per member, which no mail reaches (RFC 2606). */
    static String placeholderEmail(long memberId) {
        return "member-" + memberId + "@restored.invalid";
    }

    /** Parties as the record's rows name them; when each was added to the app is the app's, not the group's. */
    static final Field<?>[] PARTY_COLUMNS = {PARTY.ID, PARTY.CODE, PARTY.NAME, PARTY.COLOUR};

    /** A pact names the election whose results it shows; the results themselves are public data, imported again. */
    static final Field<?>[] ELECTION_COLUMNS = {ELECTION.ID, ELECTION.CODE, ELECTION.NAME};

    /** Another group a pact names: enough to find it again where its own record was restored, nothing of its content. */
    static final Field<?>[] OTHER_GROUP_COLUMNS = {GROUPS.ID, GROUPS.NAME, GROUPS.KIND};

    private GroupRecordFormat() {
    }
}
