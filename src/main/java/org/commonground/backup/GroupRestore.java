package org.commonground.backup;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.AMENDMENT_PASSAGE;
import static org.commonground.jooq.Tables.COMPROMISE_OFFER;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.BALLOT_ELECTOR;
import static org.commonground.jooq.Tables.COMMENT;
import static org.commonground.jooq.Tables.CORRECTION;
import static org.commonground.jooq.Tables.ELECTION;
import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_CONSTITUENCY;
import static org.commonground.jooq.Tables.GROUP_INVITATION;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.jooq.Tables.PACT_AMENDMENT;
import static org.commonground.jooq.Tables.PACT_CONSTITUENCY;
import static org.commonground.jooq.Tables.PACT_JOINED_GROUP;
import static org.commonground.jooq.Tables.PACT_RATIFICATION;
import static org.commonground.jooq.Tables.PACT_REVISION;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.PARTY_DELEGATE;
import static org.commonground.jooq.Tables.PROPOSAL;
import static org.commonground.jooq.Tables.PROPOSAL_AUTHOR;
import static org.commonground.jooq.Tables.PROPOSAL_REVISION;
import static org.commonground.jooq.Tables.PUBLICATION;
import static org.commonground.jooq.Tables.UNITY_BALLOT;
import static org.commonground.jooq.Tables.UNITY_CANDIDATE;
import static org.commonground.jooq.Tables.UNITY_ELECTOR;
import static org.commonground.jooq.Tables.UNITY_MARK;
import static org.commonground.jooq.Tables.VOTE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.audit.AuditAction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Restores a group record ({@link GroupRecordFormat}) into a database that does not hold it: a new one that the app
 * has migrated, or one holding other groups whose ids it does not share. Every row keeps its id; the id sequences
 * are then moved past them. Members and parties the database already has (same id, same email or code) are used as
 * they are; any other row already there, by id or by a unique name, refuses the whole restore. Everything is
 * written in one transaction: a refusal or a failure leaves the database as it was.
 *
 * <p>Restored members have no password (the record holds none): each sets one with "Forgot your password?". Nobody
 * becomes an admin by a restore. Nothing is added to the audit trail, so the restored group's trail is the
 * original's, and exporting the group again gives the same record.
 */
@Service
public class GroupRestore {

    /** Stored in place of a password hash: no password matches it (it is not an Argon2 hash at all). */
    static final String NO_PASSWORD = "!restored from a group record: no password yet; set one with \"Forgot your password?\"";

    /** The tables a record fills, in an order where every row's references are written before it. */
    private static final List<Table<?>> ORDER = List.of(PARTY, MEMBER, GROUPS, GROUP_CONSTITUENCY, GROUP_MEMBERSHIP,
            GROUP_INVITATION, PROPOSAL, PROPOSAL_AUTHOR, PROPOSAL_REVISION, AMENDMENT, AMENDMENT_PASSAGE, COMPROMISE_OFFER, PACT, PACT_REVISION, PACT_CONSTITUENCY,
            PACT_AMENDMENT, COMMENT, PUBLICATION, CORRECTION, BALLOT, BALLOT_ELECTOR, VOTE, PARTY_DELEGATE, PACT_RATIFICATION,
            UNITY_BALLOT, UNITY_CANDIDATE, UNITY_ELECTOR, UNITY_MARK, PACT_JOINED_GROUP, AUDIT_EVENT);

    /** What was restored. */
    public record Restored(long groupId, String groupName, boolean complete, List<String> leftOut, Map<String, Integer> rows,
                           int newMembers, int existingMembers, int withoutAddress, List<String> notes) {

        /** A few lines for the person who ran the restore. */
        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append("Restored group ").append(groupId).append(" \u201c").append(groupName).append("\u201d: ")
                    .append(count("proposal", "proposal", "proposals")).append(" (").append(count("proposal_revision", "revision", "revisions"))
                    .append(", ").append(count("amendment", "amendment", "amendments")).append("), ").append(count("pact", "pact", "pacts"))
                    .append(", ").append(count("comment", "comment", "comments")).append(", ").append(count("ballot", "ballot", "ballots"))
                    .append(" (").append(count("vote", "vote", "votes")).append("), ").append(count("publication", "published document", "published documents"))
                    .append(", ").append(count("audit_event", "audit event", "audit events")).append(".\n");
            text.append(newMembers).append(newMembers == 1 ? " member" : " members").append(" added");
            if (existingMembers > 0) {
                text.append(", ").append(existingMembers).append(" already here");
            }
            text.append(". Restored accounts have no password: each member sets one with \u201cForgot your password?\u201d on the sign-in page");
            if (withoutAddress > 0) {
                text.append(", except the ").append(withoutAddress).append(" to whom the record gives no address (a member's export holds none): ")
                        .append(withoutAddress == 1 ? "that account is" : "those accounts are").append(" kept under a placeholder nobody can sign in to");
            }
            text.append('.');
            if (!complete) {
                text.append("\nThis record was exported by a member, so it leaves out: ").append(String.join(" ", leftOut));
            }
            for (String note : notes) {
                text.append('\n').append(note);
            }
            return text.toString();
        }

        private String count(String table, String one, String many) {
            int n = rows.getOrDefault(table, 0);
            return n + " " + (n == 1 ? one : many);
        }
    }

    private final DSLContext db;

    public GroupRestore(DSLContext db) {
        this.db = db;
    }

    /** Reads a record file, or says in one sentence why it is not one. */
    public static JsonNode parse(byte[] file) {
        JsonNode record;
        try {
            record = RecordJson.JSON.readTree(file);
        } catch (JacksonException e) {
            throw new RestoreRefusedException("The file is not JSON (" + e.getOriginalMessage() + ").");
        }
        check(record);
        return record;
    }

    /** Whether this is a group record in a format this version reads; says in one sentence why not. */
    static void check(JsonNode record) {
        if (record == null || !record.isObject() || !GroupRecordFormat.FORMAT.equals(record.path(GroupRecordFormat.FORMAT_KEY).asString(""))) {
            throw new RestoreRefusedException("The file is not a Common Ground group record (its \"format\" is not \"" + GroupRecordFormat.FORMAT + "\").");
        }
        int version = record.path(GroupRecordFormat.FORMAT_VERSION_KEY).asInt(0);
        if (version > GroupRecordFormat.FORMAT_VERSION) {
            throw new RestoreRefusedException("The record is in format version " + version + ", made by a newer Common Ground; "
                    + "this one reads version " + GroupRecordFormat.FORMAT_VERSION + ". Restore it with the newer version.");
        }
        if (version != GroupRecordFormat.FORMAT_VERSION) {
            throw new RestoreRefusedException("The record has no valid format version.");
        }
    }

    public Restored restore(byte[] file) {
        return restore(parse(file));
    }

    public Restored restore(JsonNode record) {
        check(record);
        Plan plan = Plan.of(record);
        try {
            return db.transactionResult(configuration -> write(configuration.dsl(), plan));
        } catch (RestoreRefusedException refused) {
            throw refused;
        } catch (org.jooq.exception.DataAccessException | org.springframework.dao.DataAccessException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new RestoreRefusedException("The database refused the record (" + cause.getMessage().lines().findFirst().orElse("")
                    + "). Nothing was written.", e);
        }
    }

    private Restored write(DSLContext tx, Plan plan) {
        // Past votes, comments and memberships go in as they were, though their members have yet to verify here (V15).
        tx.execute("set local commonground.restoring = 'on'");
        String needed = plan.schemaVersion;
        String here = new GroupRecordRepository(tx).schemaVersion();
        if (needed != null && compareVersions(needed, here) > 0) {
            throw new RestoreRefusedException("The record comes from a database at schema version " + needed + ", and this one is at "
                    + here + ": start this version of Common Ground against a newer one, or restore with the version that made the record. Nothing was written.");
        }
        List<String> conflicts = new ArrayList<>();
        Set<String> existingParties = existing(tx, plan, PARTY, PARTY.CODE, conflicts);
        Set<String> existingMembers = existing(tx, plan, MEMBER, MEMBER.EMAIL, conflicts);
        String groupName = plan.group.path(GROUPS.NAME.getName()).asString("");
        if (tx.fetchExists(GROUPS, DSL.lower(GROUPS.NAME).eq(groupName.toLowerCase(Locale.ROOT)))) {
            conflicts.add("a group named \u201c" + groupName + "\u201d");
        }
        for (Table<?> table : ORDER) {
            if (table != PARTY && table != MEMBER && table.getIdentity() != null) {
                idsTaken(tx, table, plan.ids(table), conflicts);
            }
        }
        valuesTaken(tx, PUBLICATION.SLUG, plan.strings(PUBLICATION, PUBLICATION.SLUG), "published documents at", "/p/", conflicts);
        valuesTaken(tx, PUBLICATION.FINGERPRINT, plan.strings(PUBLICATION, PUBLICATION.FINGERPRINT), "published documents with the fingerprints", "", conflicts);
        if (!conflicts.isEmpty()) {
            throw new RestoreRefusedException("The database already holds what this record would write: " + String.join("; ", conflicts)
                    + ". A group is restored into a database without it, such as a new one the app has migrated (README, \u201cBackups\u201d). Nothing was written.");
        }

        List<String> notes = new ArrayList<>(plan.notes);
        partiesAsHere(tx, plan, existingParties, notes);
        mapElections(tx, plan, notes);
        Map<String, Integer> written = new LinkedHashMap<>();
        int newMembers = 0;
        for (Table<?> table : ORDER) {
            List<ObjectNode> rows = plan.rows.getOrDefault(table, List.of());
            if (table == PARTY) {
                rows = rows.stream().filter(r -> !existingParties.contains(key(r.get(PARTY.ID.getName())))).toList();
            } else if (table == MEMBER) {
                rows = rows.stream().filter(r -> !existingMembers.contains(key(r.get(MEMBER.ID.getName()))))
                        .map(r -> r.deepCopy().put(MEMBER.PASSWORD_HASH.getName(), NO_PASSWORD)).toList();
                newMembers = rows.size();
            } else if (table == PACT_JOINED_GROUP) {
                rows = PactGroupRecords.present(tx, plan, notes);
            }
            written.put(table.getName(), insert(tx, table, UnityBallotRecords.firstWritten(table, rows)));
        }
        UnityBallotRecords.finish(tx, plan);
        for (Table<?> table : ORDER) {
            if (table.getIdentity() != null) {
                moveSequencePast(tx, table);
            }
        }
        return new Restored(plan.groupId, groupName, plan.complete, plan.leftOut, written, newMembers, existingMembers.size(),
                plan.withoutAddress, notes);
    }

    /**
     * The record's parties or members that the database has already (same id, same code or email, ignoring case),
     * which are used as they are; one with the same id but not the same code or email, or the same code or email
     * under another id, is a conflict.
     */
    private static Set<String> existing(DSLContext tx, Plan plan, Table<?> table, TableField<?, String> name, List<String> conflicts) {
        Field<Long> id = table.field("id", Long.class);
        Map<Long, String> wanted = new LinkedHashMap<>();
        for (ObjectNode row : plan.rows.getOrDefault(table, List.of())) {
            wanted.put(row.path("id").asLong(), row.path(name.getName()).asString("").toLowerCase(Locale.ROOT));
        }
        Set<String> same = new HashSet<>();
        if (wanted.isEmpty()) {
            return same;
        }
        Map<Long, String> byId = tx.select(id, name).from(table).where(id.eq(DSL.any(wanted.keySet().toArray(Long[]::new))))
                .fetchMap(id, r -> r.get(name).toLowerCase(Locale.ROOT));
        Map<String, Long> byName = tx.select(id, name).from(table)
                .where(DSL.lower(name).eq(DSL.any(new LinkedHashSet<>(wanted.values()).toArray(String[]::new))))
                .fetchMap(r -> r.get(name).toLowerCase(Locale.ROOT), r -> r.get(id));
        List<String> clashes = new ArrayList<>();
        wanted.forEach((wantedId, wantedName) -> {
            String there = byId.get(wantedId);
            Long holder = byName.get(wantedName);
            if (there != null && there.equals(wantedName)) {
                same.add(String.valueOf(wantedId));
            } else if (there != null) {
                clashes.add(wantedId + " (" + wantedName + "; here " + wantedId + " is " + there + ")");
            } else if (holder != null) {
                clashes.add(wantedId + " (" + wantedName + ", which is " + holder + " here)");
            }
        });
        if (!clashes.isEmpty()) {
            conflicts.add("other " + label(table, 2) + " where the record has " + label(table, clashes.size()) + " " + abbreviate(clashes));
        }
        return same;
    }

    private static void idsTaken(DSLContext tx, Table<?> table, List<Long> ids, List<String> conflicts) {
        if (ids.isEmpty()) {
            return;
        }
        Field<Long> id = table.field("id", Long.class);
        List<Long> taken = tx.select(id).from(table).where(id.eq(DSL.any(ids.toArray(Long[]::new)))).orderBy(id).fetch(id);
        if (!taken.isEmpty()) {
            conflicts.add(label(table, taken.size()) + " " + abbreviate(taken.stream().map(String::valueOf).toList()));
        }
    }

    private static void valuesTaken(DSLContext tx, TableField<?, String> field, List<String> values, String what, String prefix, List<String> conflicts) {
        if (values.isEmpty()) {
            return;
        }
        List<String> taken = tx.select(field).from(field.getTable()).where(field.eq(DSL.any(values.toArray(String[]::new)))).fetch(field);
        if (!taken.isEmpty()) {
            conflicts.add(what + " " + abbreviate(taken.stream().map(v -> prefix + v).toList()));
        }
    }

    /** A table's rows in words: "audit event", "groups". */
    private static String label(Table<?> table, int count) {
        String one = switch (table.getName()) {
            case "groups" -> "group";
            case "group_invitation" -> "invitation";
            default -> table.getName().replace('_', ' ');
        };
        return count == 1 ? one : one + "s";
    }

    private static String abbreviate(List<String> items) {
        return items.size() <= 5 ? String.join(", ", items) : String.join(", ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
    }

    /** A party the database has already keeps its name and colour here, which may have been changed in either place. */
    private static void partiesAsHere(DSLContext tx, Plan plan, Set<String> existing, List<String> notes) {
        for (ObjectNode party : plan.rows.getOrDefault(PARTY, List.of())) {
            if (!existing.contains(key(party.get("id")))) {
                continue;
            }
            var here = tx.select(PARTY.NAME, PARTY.COLOUR).from(PARTY).where(PARTY.ID.eq(party.path("id").asLong())).fetchOne();
            String name = party.path(PARTY.NAME.getName()).asString(here.value1());
            String colour = party.path(PARTY.COLOUR.getName()).asString(here.value2());
            if (!name.equals(here.value1()) || !colour.equalsIgnoreCase(here.value2())) {
                notes.add("Party " + party.path(PARTY.CODE.getName()).asString("") + " is \u201c" + here.value1() + "\u201d (" + here.value2()
                        + ") here and was \u201c" + name + "\u201d (" + colour + ") in the record: it stays as it is here; an admin can change it "
                        + "(published documents are unaffected).");
            }
        }
    }

    /**
     * A pact names the election whose results it shows: the same election here (by code) is used, whatever its id;
     * without it, the pact shows none until an admin imports that election again.
     */
    private static void mapElections(DSLContext tx, Plan plan, List<String> notes) {
        for (ObjectNode pact : plan.rows.getOrDefault(PACT, List.of())) {
            JsonNode electionId = pact.get(PACT.ELECTION_ID.getName());
            if (electionId == null || electionId.isNull()) {
                continue;
            }
            ObjectNode election = plan.elections.get(key(electionId));
            String code = election.path(ELECTION.CODE.getName()).asString("");
            Long here = tx.select(ELECTION.ID).from(ELECTION).where(DSL.lower(ELECTION.CODE).eq(code.toLowerCase(Locale.ROOT)))
                    .fetchOptional(ELECTION.ID).orElse(null);
            if (here == null) {
                pact.putNull(PACT.ELECTION_ID.getName());
                notes.add("Pact " + pact.path("id").asLong() + " \u201c" + pact.path(PACT.TITLE.getName()).asString("") + "\u201d showed the results of "
                        + election.path(ELECTION.NAME.getName()).asString("") + " (" + code + "), which this database does not have: it shows no results "
                        + "until that election is imported again (the terms are unchanged).");
            } else {
                pact.put(PACT.ELECTION_ID.getName(), here);
            }
        }
    }

    /**
     * Writes one table's rows in one statement: PostgreSQL turns the JSON into rows of the table's own type, so each
     * value is read as its column's type, and identity columns take the record's ids. Generated columns (the search
     * vectors) are not among the columns and are computed as usual.
     */
    private static int insert(DSLContext tx, Table<?> table, List<ObjectNode> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Field<?> field : table.fields()) {
            if (rows.stream().anyMatch(r -> r.has(field.getName()))) {
                columns.add(field.getName());
            }
        }
        ArrayNode array = RecordJson.array();
        for (ObjectNode row : rows) {
            ObjectNode copy = row.deepCopy();
            for (Field<?> field : table.fields()) {
                JsonNode value = copy.get(field.getName());
                if (field.getType() == byte[].class && value != null && !value.isNull()) {
                    copy.put(field.getName(), "\\x" + HexFormat.of().formatHex(decodeBase64(table, field, value)));
                }
            }
            array.add(copy);
        }
        List<org.jooq.Name> names = columns.stream().map(DSL::name).toList();
        return tx.execute("insert into {0} ({1}) overriding system value select {1} from jsonb_populate_recordset(null::{0}, cast({2} as jsonb))",
                DSL.name(table.getName()), DSL.list(names.stream().map(DSL::field).toList()), DSL.val(array.toString()));
    }

    private static byte[] decodeBase64(Table<?> table, Field<?> field, JsonNode value) {
        try {
            return Base64.getDecoder().decode(value.asString(""));
        } catch (IllegalArgumentException e) {
            throw new RestoreRefusedException("The record's " + table.getName() + "." + field.getName() + " is not base64. Nothing was written.");
        }
    }

    /** New rows made by the app after the restore must not reach for an id the record used. */
    private static void moveSequencePast(DSLContext tx, Table<?> table) {
        Field<Long> id = table.field("id", Long.class);
        tx.execute("""
                select setval(s.name, m.max_id)
                from (select pg_get_serial_sequence({0}, {1}) as name) s, (select max({2}) as max_id from {3}) m
                where m.max_id is not null
                  and m.max_id > coalesce((select q.last_value from pg_sequences q where format('%I.%I', q.schemaname, q.sequencename) = s.name), 0)
                """, DSL.val(table.getName()), DSL.val(id.getName()), DSL.field(DSL.name(id.getName())), DSL.name(table.getName()));
    }

    static int compareVersions(String a, String b) {
        int[] x = Arrays.stream(a.split("[._]")).mapToInt(GroupRestore::number).toArray();
        int[] y = Arrays.stream(b.split("[._]")).mapToInt(GroupRestore::number).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A value as a key: the same id whether JSON wrote it as a small or a long number. */
    static String key(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isIntegralNumber() ? String.valueOf(value.asLong()) : value.isString() ? value.stringValue() : value.toString();
    }

    /**
     * The record checked and flattened into rows per table: the layout is as {@link GroupRecordFormat} says, every
     * property is a column of its table, and every reference inside the record points at a row of the record, so a
     * restore can touch nothing but what the record holds.
     */
    static final class Plan {
        final Map<Table<?>, List<ObjectNode>> rows = new LinkedHashMap<>();
        final Map<String, ObjectNode> elections = new HashMap<>();
        /** The other groups the record's pacts name, by id ({@link PactGroupRecords}). */
        final Map<String, ObjectNode> otherGroups = new HashMap<>();
        final List<String> notes = new ArrayList<>();
        ObjectNode group;
        long groupId;
        String schemaVersion;
        boolean complete;
        int withoutAddress;
        List<String> leftOut = List.of();

        static Plan of(JsonNode record) {
            Plan plan = new Plan();
            plan.schemaVersion = record.path(GroupRecordFormat.SCHEMA_VERSION_KEY).isString()
                    ? record.path(GroupRecordFormat.SCHEMA_VERSION_KEY).stringValue() : null;
            plan.complete = record.path(GroupRecordFormat.COMPLETE_KEY).asBoolean(false);
            List<String> leftOut = new ArrayList<>();
            record.path("left_out").forEach(n -> leftOut.add(n.asString("")));
            plan.leftOut = List.copyOf(leftOut);
            if (!record.path("group").isObject()) {
                throw damaged("it has no group");
            }
            plan.group = plan.add(GROUPS, record.get("group"));
            plan.groupId = plan.group.path("id").asLong();
            plan.addAll(GROUP_CONSTITUENCY, record.path("constituencies"));
            plan.addAll(GROUP_MEMBERSHIP, record.path("memberships"));
            plan.addAll(GROUP_INVITATION, record.path("invitations"));
            plan.addAll(PARTY, record.path("parties"));
            Set<String> memberColumns = Arrays.stream(GroupRecordFormat.MEMBER_COLUMNS).map(Field::getName).collect(Collectors.toSet());
            for (JsonNode member : array(record.path("members"), "members")) {
                member.propertyNames().forEach(name -> {
                    if (!memberColumns.contains(name)) {
                        // Never a password hash or an admin flag, whatever the file says.
                        throw damaged("a member has \"" + name + "\", which a record never holds");
                    }
                });
                if (member.has(MEMBER.EMAIL.getName())) {
                    plan.add(MEMBER, member);
                } else {
                    plan.add(MEMBER, withoutAddress(member));
                    plan.withoutAddress++;
                }
            }
            // A record made before delegate elections had "delegate_elections" holds them here instead of the elections named.
            ArrayNode olderDelegateElections = RecordJson.array();
            for (JsonNode election : array(record.path("elections"), "elections")) {
                if (election.has("electors")) {
                    olderDelegateElections.add(election);
                    continue;
                }
                if (!election.isObject() || !election.path("id").isIntegralNumber()) {
                    throw damaged("an election has no id");
                }
                plan.elections.put(key(election.get("id")), (ObjectNode) election);
            }
            for (JsonNode proposal : array(record.path("proposals"), "proposals")) {
                ObjectNode p = plan.add(PROPOSAL, proposal, "authors", "revisions", "amendments", "comments", "ballots");
                plan.addAll(PROPOSAL_AUTHOR, p.path("authors"));
                plan.addAll(PROPOSAL_REVISION, p.path("revisions"));
                plan.addAll(AMENDMENT, p.path("amendments"));
                plan.addAll(COMMENT, p.path("comments"));
                plan.addBallots(p.path("ballots"));
            }
            PactGroupRecords.named(plan, record.path("other_groups"));
            for (JsonNode pact : array(record.path("pacts"), "pacts")) {
                ObjectNode k = plan.add(PACT, pact, "revisions", "constituencies", "amendments", "ratifications", "comments", "ballots",
                        "groups", "unity_ballots");
                plan.addAll(PACT_REVISION, k.path("revisions"));
                plan.addAll(PACT_CONSTITUENCY, k.path("constituencies"));
                plan.addAll(PACT_AMENDMENT, k.path("amendments"));
                plan.addAll(PACT_RATIFICATION, k.path("ratifications"));
                plan.addAll(COMMENT, k.path("comments"));
                plan.addBallots(k.path("ballots"));
                plan.addAll(PACT_JOINED_GROUP, k.path("groups"));
                UnityBallotRecords.plan(plan, k.path("unity_ballots"));
            }
            plan.addAll(AMENDMENT_PASSAGE, record.path("amendment_passages"));
            plan.addAll(COMPROMISE_OFFER, record.path("compromise_offers"));
            plan.addAll(PUBLICATION, record.path("publications"));
            plan.addAll(CORRECTION, record.path("corrections"));
            plan.addBallots(olderDelegateElections);
            plan.addBallots(record.path("delegate_elections"));
            plan.addAll(PARTY_DELEGATE, record.path("delegates"));
            for (JsonNode event : array(record.path("audit_events"), "audit_events")) {
                String action = event.path("action").asString("");
                if (AuditAction.byCode(action).isEmpty()) {
                    // Stored, it would be an event no activity list or notification ever reads.
                    throw damaged("an audit event's action \"" + action + "\" is not one this version records");
                }
            }
            plan.addAll(AUDIT_EVENT, record.path("audit_events"));
            // Rows are written table by table; within one, by id, as they were made.
            plan.rows.values().forEach(list -> list.sort(Comparator.comparingLong(r -> r.path("id").asLong(0))));
            plan.checkReferences();
            return plan;
        }

        private void addBallots(JsonNode ballots) {
            for (JsonNode ballot : array(ballots, "ballots")) {
                ObjectNode b = add(BALLOT, ballot, "electors", "votes", "secret_votes");
                addAll(BALLOT_ELECTOR, b.path("electors"));
                addAll(VOTE, b.path("votes"));
                if (b.path("secret_votes").isObject()) {
                    pairSecretVotes(b);
                }
            }
        }

        /**
         * A record that leaves out who cast which secret vote lists the voters and, apart, each party's choices: each
         * party's voters (by id) are given its choices (in order). Tallies, turnout and every verdict are as before;
         * which member holds which of their party's choices is not, as the record does not say. Of a ballot that was
         * still open, the record has no choices at all, so its votes are not restored.
         */
        private void pairSecretVotes(ObjectNode ballot) {
            JsonNode ballotId = ballot.get("id");
            if (ballot.path("secret_votes").path("choices").isNull()) {
                notes.add("Ballot " + key(ballotId) + " was secret and still open when the record was made, so the record does not say how anyone "
                        + "had voted: its " + ballot.path("secret_votes").path("voters").size() + " votes are not restored, and those members vote again.");
                return;
            }
            Map<String, String> partyOf = new HashMap<>();
            for (JsonNode elector : ballot.path("electors")) {
                partyOf.put(key(elector.get(BALLOT_ELECTOR.MEMBER_ID.getName())), key(elector.get(BALLOT_ELECTOR.PARTY_ID.getName())));
            }
            Map<String, List<JsonNode>> voters = new LinkedHashMap<>();
            for (JsonNode voter : array(ballot.path("secret_votes").path("voters"), "secret_votes.voters")) {
                String party = partyOf.get(key(voter.get(VOTE.MEMBER_ID.getName())));
                if (party == null) {
                    throw damaged("ballot " + key(ballotId) + " has a voter who is not among its electors");
                }
                voters.computeIfAbsent(party, p -> new ArrayList<>()).add(voter);
            }
            Map<String, List<String>> choices = new HashMap<>();
            for (JsonNode choice : array(ballot.path("secret_votes").path("choices"), "secret_votes.choices")) {
                choices.computeIfAbsent(key(choice.get(BALLOT_ELECTOR.PARTY_ID.getName())), p -> new ArrayList<>())
                        .add(choice.path(VOTE.CHOICE.getName()).asString(""));
            }
            Set<String> parties = new HashSet<>(voters.keySet());
            parties.addAll(choices.keySet());
            for (String party : parties) {
                List<JsonNode> who = new ArrayList<>(voters.getOrDefault(party, List.of()));
                List<String> what = new ArrayList<>(choices.getOrDefault(party, List.of()));
                if (who.size() != what.size()) {
                    throw damaged("ballot " + key(ballotId) + " lists " + who.size() + " voters of party " + party + " but " + what.size() + " choices");
                }
                who.sort(Comparator.comparingLong(v -> v.path(VOTE.MEMBER_ID.getName()).asLong()));
                what.sort(Comparator.naturalOrder());
                for (int i = 0; i < who.size(); i++) {
                    ObjectNode vote = RecordJson.object();
                    vote.set(VOTE.BALLOT_ID.getName(), ballotId);
                    vote.set(VOTE.MEMBER_ID.getName(), who.get(i).get(VOTE.MEMBER_ID.getName()));
                    vote.put(VOTE.CHOICE.getName(), what.get(i));
                    vote.put(VOTE.REASON.getName(), "");
                    vote.set(VOTE.CAST_AT.getName(), who.get(i).get(VOTE.CAST_AT.getName()));
                    vote.set(VOTE.CHANGED_AT.getName(), who.get(i).get(VOTE.CHANGED_AT.getName()));
                    rows.computeIfAbsent(VOTE, t -> new ArrayList<>()).add(vote);
                }
            }
        }

        void addAll(Table<?> table, JsonNode array) {
            for (JsonNode row : array(array, table.getName())) {
                add(table, row);
            }
        }

        /** Adds a row (without the named nested lists) after checking that each property is a column of the table. */
        ObjectNode add(Table<?> table, JsonNode node, String... nested) {
            if (!node.isObject()) {
                throw damaged("a " + table.getName() + " is not an object");
            }
            ObjectNode row = ((ObjectNode) node).deepCopy();
            Set<String> children = Set.of(nested);
            ObjectNode columns = row.deepCopy();
            columns.remove(children);
            for (String name : columns.propertyNames()) {
                if (table.field(name) == null) {
                    throw damaged("a " + table.getName() + " has \"" + name + "\", which this version of Common Ground does not know; "
                            + "was it exported by a newer one?");
                }
            }
            for (TableField<?, ?> key : table.getPrimaryKey().getFields()) {
                if (columns.path(key.getName()).isNull() || columns.path(key.getName()).isMissingNode()) {
                    throw damaged("a " + table.getName() + " has no " + key.getName());
                }
            }
            rows.computeIfAbsent(table, t -> new ArrayList<>()).add(columns);
            return row;
        }

        /**
         * Every reference from a row of the record leads to a row of the record (or, for a pact, to an election or
         * another group named in it).
         */
        private void checkReferences() {
            Map<String, Set<List<String>>> keys = new HashMap<>();
            for (Map.Entry<Table<?>, List<ObjectNode>> entry : rows.entrySet()) {
                Table<?> table = entry.getKey();
                for (ForeignKey<?, ?> reference : table.getReferences()) {
                    Table<?> target = reference.getKey().getTable();
                    List<String> fields = reference.getFields().stream().map(Field::getName).toList();
                    List<String> targetFields = reference.getKeyFields().stream().map(Field::getName).toList();
                    for (ObjectNode row : entry.getValue()) {
                        List<String> value = fields.stream().map(f -> key(row.get(f))).toList();
                        if (value.contains(null)) {
                            continue;
                        }
                        boolean found;
                        if (target.equals(ELECTION)) {
                            found = elections.containsKey(value.getFirst());
                        } else if (target.equals(GROUPS) && table.equals(PACT_JOINED_GROUP) && otherGroups.containsKey(value.getFirst())) {
                            // Another group, named only, and only as a pact's part: a restore keeps that part only if the
                            // group is here (PactGroupRecords). From any other row (a membership, a proposal) a reference
                            // to it would write into a group this record does not hold.
                            found = true;
                        } else {
                            found = keys.computeIfAbsent(target.getName() + " " + targetFields, k -> rows.getOrDefault(target, List.of()).stream()
                                    .map(r -> targetFields.stream().map(f -> key(r.get(f))).toList())
                                    .collect(Collectors.toSet())).contains(value);
                        }
                        if (!found) {
                            throw damaged("a " + table.getName() + " (" + fields + " " + value + ") refers to a " + target.getName()
                                    + " that is not in the record");
                        }
                    }
                }
            }
        }

        List<Long> ids(Table<?> table) {
            return rows.getOrDefault(table, List.of()).stream().map(r -> r.path("id").asLong()).toList();
        }

        List<String> strings(Table<?> table, Field<String> field) {
            return rows.getOrDefault(table, List.of()).stream().map(r -> r.path(field.getName()).asString("")).toList();
        }

        static Iterable<JsonNode> array(JsonNode node, String what) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw damaged("its " + what + " is not a list");
            }
            return node;
        }

        /**
         * A member from a member's export, which holds no address: restored under a placeholder (keyed by the
         * record's member id) that no mail reaches and nobody can sign in to, so sent no email.
         */
        private static JsonNode withoutAddress(JsonNode member) {
            if (!(member instanceof ObjectNode row) || !row.path("id").isIntegralNumber()) {
                return member; // refused by plan.add as damaged
            }
            return row.deepCopy().put(MEMBER.EMAIL.getName(), GroupRecordFormat.placeholderEmail(row.path("id").asLong()))
                    .put(MEMBER.EMAIL_NOTIFICATIONS.getName(), "NEVER");
        }

        static RestoreRefusedException damaged(String what) {
            return new RestoreRefusedException("The record is damaged or not from Common Ground: " + what + ". Nothing was written.");
        }
    }
}
