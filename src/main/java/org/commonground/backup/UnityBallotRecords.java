package org.commonground.backup;

import static org.commonground.jooq.Tables.UNITY_BALLOT;
import static org.commonground.jooq.Tables.UNITY_CANDIDATE;
import static org.commonground.jooq.Tables.UNITY_ELECTOR;
import static org.commonground.jooq.Tables.UNITY_MARK;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pact's unity-candidate ballots (V31) in a group record: each with its {@code candidates[]}, {@code electors[]}
 * and either {@code marks[]} or, in a member's export, {@code secret_marks}. The app shows nobody how another member
 * marked (only the count), so a member's export, as for a secret ballot, lists who marked (and when) and, apart from
 * that, each party's sets of marks: a restore gives each party's markers its sets in order, which keeps every count,
 * round by round and per party, as it was. Of a ballot still open, not even the sets (the app shows no running count).
 */
final class UnityBallotRecords {

    /** Written after the rows they depend on: a candidate's withdrawal after the marks made before it, a ballot's result after its candidates. */
    private static final Set<String> BALLOT_RESULT = Set.of(UNITY_BALLOT.CLOSED_AT.getName(), UNITY_BALLOT.CLOSED_BY.getName(),
            UNITY_BALLOT.EXPLANATION.getName(), UNITY_BALLOT.BALLOTS_CAST.getName(), UNITY_BALLOT.ELECTED_ID.getName(), UNITY_BALLOT.AMENDMENT_ID.getName());
    private static final Set<String> WITHDRAWAL = Set.of(UNITY_CANDIDATE.WITHDRAWN_AT.getName(), UNITY_CANDIDATE.WITHDRAWN_BY.getName());

    private UnityBallotRecords() {
    }

    /** The unity ballots of the pacts {@code pactIds}, by pact, as the record holds them. */
    static Map<Long, ArrayNode> read(DSLContext db, GroupRecordRepository.Rows rows, Select<Record1<Long>> pactIds, boolean complete) {
        List<Record> ballots = rows.fetch(UNITY_BALLOT, UNITY_BALLOT.PACT_ID.in(pactIds));
        var ballotIds = DSL.select(UNITY_BALLOT.ID).from(UNITY_BALLOT).where(UNITY_BALLOT.PACT_ID.in(pactIds));
        Map<Long, List<Record>> candidates = GroupRecordRepository.byParent(rows.fetch(UNITY_CANDIDATE, UNITY_CANDIDATE.BALLOT_ID.in(ballotIds)),
                UNITY_CANDIDATE.BALLOT_ID);
        Map<Long, List<Record>> electors = GroupRecordRepository.byParent(rows.fetch(UNITY_ELECTOR, UNITY_ELECTOR.BALLOT_ID.in(ballotIds)),
                UNITY_ELECTOR.BALLOT_ID);
        // Not through rows: every marker is an elector, whom the record names already.
        Map<Long, List<Record>> marks = GroupRecordRepository.byParent(db.selectFrom(UNITY_MARK).where(UNITY_MARK.BALLOT_ID.in(ballotIds))
                .orderBy(UNITY_MARK.BALLOT_ID, UNITY_MARK.MEMBER_ID, UNITY_MARK.RANK.asc().nullsLast(), UNITY_MARK.CANDIDATE_ID)
                .fetch().stream().map(r -> (Record) r).toList(), UNITY_MARK.BALLOT_ID);
        Map<Long, ArrayNode> byPact = new LinkedHashMap<>();
        for (Record b : ballots) {
            long id = b.get(UNITY_BALLOT.ID);
            ObjectNode o = GroupRecordRepository.row(UNITY_BALLOT, b);
            o.set("candidates", GroupRecordRepository.rows(UNITY_CANDIDATE, candidates.get(id)));
            List<Record> theElectors = electors.getOrDefault(id, List.of());
            o.set("electors", GroupRecordRepository.rows(UNITY_ELECTOR, theElectors));
            List<Record> theMarks = marks.getOrDefault(id, List.of());
            if (complete) {
                o.set("marks", GroupRecordRepository.rows(UNITY_MARK, theMarks));
            } else {
                o.set("secret_marks", secretMarks(theElectors, theMarks, b.get(UNITY_BALLOT.CLOSED_AT) != null));
            }
            byPact.computeIfAbsent(b.get(UNITY_BALLOT.PACT_ID), k -> RecordJson.array()).add(o);
        }
        return byPact;
    }

    /** Who marked, when; apart, each party's sets of marks (candidate ids, first preference first), in a fixed order. */
    private static ObjectNode secretMarks(List<Record> electors, List<Record> marks, boolean closed) {
        Map<Long, Long> partyOf = new HashMap<>();
        electors.forEach(e -> partyOf.put(e.get(UNITY_ELECTOR.MEMBER_ID), e.get(UNITY_ELECTOR.PARTY_ID)));
        Map<Long, List<Long>> setOf = new LinkedHashMap<>();
        Map<Long, Object> markedAt = new LinkedHashMap<>();
        for (Record m : marks) { // by member, then rank
            setOf.computeIfAbsent(m.get(UNITY_MARK.MEMBER_ID), k -> new ArrayList<>()).add(m.get(UNITY_MARK.CANDIDATE_ID));
            markedAt.putIfAbsent(m.get(UNITY_MARK.MEMBER_ID), m.get(UNITY_MARK.MARKED_AT));
        }
        ObjectNode secret = RecordJson.object();
        ArrayNode voters = secret.putArray("voters");
        markedAt.forEach((member, at) -> {
            ObjectNode voter = voters.addObject();
            RecordJson.put(voter, UNITY_MARK.MEMBER_ID.getName(), member);
            RecordJson.put(voter, UNITY_MARK.MARKED_AT.getName(), at);
        });
        if (!closed) {
            secret.putNull("sets");
            return secret;
        }
        ArrayNode sets = secret.putArray("sets");
        setOf.entrySet().stream().map(e -> Map.entry(partyOf.get(e.getKey()), e.getValue()))
                .sorted(Map.Entry.<Long, List<Long>>comparingByKey().thenComparing(Map.Entry::getValue, LEXICAL))
                .forEach(e -> {
                    ObjectNode set = sets.addObject();
                    set.put(UNITY_ELECTOR.PARTY_ID.getName(), e.getKey());
                    ArrayNode candidates = set.putArray("candidates");
                    e.getValue().forEach(candidates::add);
                });
        return secret;
    }

    private static final Comparator<List<Long>> LEXICAL = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** Adds a pact's unity ballots to the plan, pairing a member's export's sets of marks with each party's markers. */
    static void plan(GroupRestore.Plan plan, JsonNode unityBallots) {
        for (JsonNode ballot : GroupRestore.Plan.array(unityBallots, "unity_ballots")) {
            ObjectNode b = plan.add(UNITY_BALLOT, ballot, "candidates", "electors", "marks", "secret_marks");
            plan.addAll(UNITY_CANDIDATE, b.path("candidates"));
            plan.addAll(UNITY_ELECTOR, b.path("electors"));
            plan.addAll(UNITY_MARK, b.path("marks"));
            if (b.path("secret_marks").isObject()) {
                pairSecretMarks(plan, b);
            }
        }
    }

    private static void pairSecretMarks(GroupRestore.Plan plan, ObjectNode ballot) {
        JsonNode ballotId = ballot.get("id");
        JsonNode secret = ballot.path("secret_marks");
        if (secret.path("sets").isNull()) {
            plan.notes.add("The unity-candidate ballot " + GroupRestore.key(ballotId) + " was still open when the record was made, so the record does not say "
                    + "how anyone had marked it: its " + secret.path("voters").size() + " sets of marks are not restored, and those members mark it again.");
            return;
        }
        Map<String, String> partyOf = new HashMap<>();
        for (JsonNode elector : ballot.path("electors")) {
            partyOf.put(GroupRestore.key(elector.get(UNITY_ELECTOR.MEMBER_ID.getName())), GroupRestore.key(elector.get(UNITY_ELECTOR.PARTY_ID.getName())));
        }
        Map<String, List<JsonNode>> voters = new LinkedHashMap<>();
        for (JsonNode voter : GroupRestore.Plan.array(secret.path("voters"), "secret_marks.voters")) {
            String party = partyOf.get(GroupRestore.key(voter.get(UNITY_MARK.MEMBER_ID.getName())));
            if (party == null) {
                throw GroupRestore.Plan.damaged("unity ballot " + GroupRestore.key(ballotId) + " has a marker who is not among its electors");
            }
            voters.computeIfAbsent(party, p -> new ArrayList<>()).add(voter);
        }
        Map<String, List<JsonNode>> sets = new LinkedHashMap<>();
        for (JsonNode set : GroupRestore.Plan.array(secret.path("sets"), "secret_marks.sets")) {
            sets.computeIfAbsent(GroupRestore.key(set.get(UNITY_ELECTOR.PARTY_ID.getName())), p -> new ArrayList<>()).add(set.path("candidates"));
        }
        boolean ranked = "RANKED".equals(ballot.path(UNITY_BALLOT.METHOD.getName()).asString(""));
        Set<String> parties = new java.util.HashSet<>(voters.keySet());
        parties.addAll(sets.keySet());
        for (String party : parties) {
            List<JsonNode> who = voters.getOrDefault(party, List.of());
            List<JsonNode> what = sets.getOrDefault(party, List.of());
            if (who.size() != what.size()) {
                throw GroupRestore.Plan.damaged("unity ballot " + GroupRestore.key(ballotId) + " lists " + who.size() + " markers of party " + party
                        + " but " + what.size() + " sets of marks");
            }
            for (int i = 0; i < who.size(); i++) {
                int rank = 1;
                for (JsonNode candidate : what.get(i)) {
                    ObjectNode mark = RecordJson.object();
                    mark.set(UNITY_MARK.BALLOT_ID.getName(), ballotId);
                    mark.set(UNITY_MARK.MEMBER_ID.getName(), who.get(i).get(UNITY_MARK.MEMBER_ID.getName()));
                    mark.set(UNITY_MARK.CANDIDATE_ID.getName(), candidate);
                    if (ranked) {
                        mark.put(UNITY_MARK.RANK.getName(), rank++);
                    } else {
                        mark.putNull(UNITY_MARK.RANK.getName());
                    }
                    mark.set(UNITY_MARK.MARKED_AT.getName(), who.get(i).get(UNITY_MARK.MARKED_AT.getName()));
                    plan.rows.computeIfAbsent(UNITY_MARK, t -> new ArrayList<>()).add(mark);
                }
            }
        }
    }

    /**
     * The rows as first written: a ballot without its result, a candidate without its withdrawal. The database takes
     * no mark for a withdrawn candidate (V31), nor a result naming candidates not yet written; {@link #finish} adds them.
     */
    static List<ObjectNode> firstWritten(Table<?> table, List<ObjectNode> rows) {
        Set<String> later = table == UNITY_BALLOT ? BALLOT_RESULT : table == UNITY_CANDIDATE ? WITHDRAWAL : Set.of();
        if (later.isEmpty()) {
            return rows;
        }
        return rows.stream().map(r -> {
            ObjectNode copy = r.deepCopy();
            later.forEach(copy::remove);
            return copy;
        }).toList();
    }

    /** Writes what {@link #firstWritten} held back: withdrawals, then each closed ballot's result. */
    static void finish(DSLContext tx, GroupRestore.Plan plan) {
        update(tx, UNITY_CANDIDATE, plan.rows.getOrDefault(UNITY_CANDIDATE, List.of()), WITHDRAWAL);
        update(tx, UNITY_BALLOT, plan.rows.getOrDefault(UNITY_BALLOT, List.of()), BALLOT_RESULT);
    }

    private static void update(DSLContext tx, Table<?> table, List<ObjectNode> rows, Set<String> columns) {
        if (rows.isEmpty()) {
            return;
        }
        ArrayNode array = RecordJson.array();
        rows.forEach(array::add);
        List<Field<?>> fields = table.fieldStream().filter(f -> columns.contains(f.getName())).toList();
        tx.execute("update {0} t set " + String.join(", ", fields.stream().map(f -> "\"" + f.getName() + "\" = r.\"" + f.getName() + "\"").toList())
                        + " from jsonb_populate_recordset(null::{0}, cast({1} as jsonb)) r where t.id = r.id",
                DSL.name(table.getName()), DSL.val(array.toString()));
    }
}
