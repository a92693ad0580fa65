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
import static org.commonground.jooq.Tables.VOTE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.commonground.comment.CommentRepository;
import org.commonground.audit.AuditAction;
import org.commonground.comment.CommentService;
import org.commonground.jooq.tables.records.CommentRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a group's record as one JSON document ({@link GroupRecordFormat}): every row of the group and of its
 * proposals and pacts, with the members and parties they refer to. Meant to run in one snapshot (a repeatable-read
 * transaction), so the rows agree with one another.
 */
@Repository
public class GroupRecordRepository {

    /**
     * Whose reading rights the record is cut to. A member's export leaves out, as the app does, the caucus comments
     * of other parties and who cast which vote in a secret ballot; the complete record (from the command line, by
     * whoever runs the server) leaves out nothing.
     */
    record Reader(Long memberId, Long partyId) {
        static final Reader COMPLETE = new Reader(null, null);

        boolean complete() {
            return memberId == null;
        }
    }

    /** GroupService's audit action for an invitation, whose detail is the address invited. */
    /** As the activity pages: no comment events (who conferred in their party, when), nor the addresses invited. */
    private static final List<String> HIDDEN_ACTIONS = Stream.concat(CommentService.AUDIT_ACTIONS.stream(),
            Stream.of(AuditAction.MEMBER_INVITED)).map(AuditAction::code).toList();

    private final DSLContext db;

    public GroupRecordRepository(DSLContext db) {
        this.db = db;
    }

    /** An active convenor of the group: who exports its record. (The backup feature reads memberships itself, so group may use it.) */
    boolean isConvenor(long groupId, long memberId) {
        return db.fetchExists(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.GROUP_ID.eq(groupId).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")).and(GROUP_MEMBERSHIP.ROLE.eq("CONVENOR")));
    }

    Optional<String> groupName(long groupId) {
        return db.select(GROUPS.NAME).from(GROUPS).where(GROUPS.ID.eq(groupId)).fetchOptional(GROUPS.NAME);
    }

    /** The newest schema migration applied: a record restores only into a database at least this new. */
    String schemaVersion() {
        return db.resultQuery("select version from flyway_schema_history where success and version is not null "
                + "order by installed_rank desc limit 1").fetchOne(0, String.class);
    }

    ObjectNode read(long groupId, Reader reader, OffsetDateTime exportedAt) {
        Record group = db.selectFrom(GROUPS).where(GROUPS.ID.eq(groupId)).fetchOne();
        if (group == null) {
            throw new IllegalArgumentException("There is no group " + groupId + ".");
        }
        Select<Record1<Long>> proposalIds = DSL.select(PROPOSAL.ID).from(PROPOSAL).where(PROPOSAL.GROUP_ID.eq(groupId));
        Select<Record1<Long>> pactIds = DSL.select(PACT.ID).from(PACT).where(PACT.GROUP_ID.eq(groupId));
        Condition ballotOfGroup = BALLOT.PROPOSAL_ID.in(proposalIds).or(BALLOT.PACT_ID.in(pactIds)).or(BALLOT.GROUP_ID.eq(groupId));
        Select<Record1<Long>> ballotIds = DSL.select(BALLOT.ID).from(BALLOT).where(ballotOfGroup);

        Rows rows = new Rows();
        rows.add(GROUPS, List.of(group));
        List<Record> constituencies = rows.fetch(GROUP_CONSTITUENCY, GROUP_CONSTITUENCY.GROUP_ID.eq(groupId));
        List<Record> memberships = rows.fetch(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.GROUP_ID.eq(groupId));
        // A convenor sees the open invitations' addresses in the app, and no others.
        List<Record> invitations = rows.fetch(GROUP_INVITATION, GROUP_INVITATION.GROUP_ID.eq(groupId).and(reader.complete() ? DSL.noCondition()
                : GROUP_INVITATION.ACCEPTED_AT.isNull().and(GROUP_INVITATION.DECLINED_AT.isNull())));
        List<Record> proposals = rows.fetch(PROPOSAL, PROPOSAL.GROUP_ID.eq(groupId));
        Map<Long, List<Record>> authors = byParent(rows.fetch(PROPOSAL_AUTHOR, PROPOSAL_AUTHOR.PROPOSAL_ID.in(proposalIds)), PROPOSAL_AUTHOR.PROPOSAL_ID);
        Map<Long, List<Record>> revisions = byParent(rows.fetch(PROPOSAL_REVISION, PROPOSAL_REVISION.PROPOSAL_ID.in(proposalIds)), PROPOSAL_REVISION.PROPOSAL_ID);
        Map<Long, List<Record>> amendments = byParent(rows.fetch(AMENDMENT, AMENDMENT.PROPOSAL_ID.in(proposalIds)), AMENDMENT.PROPOSAL_ID);
        List<Record> pacts = rows.fetch(PACT, PACT.GROUP_ID.eq(groupId));
        Map<Long, List<Record>> pactRevisions = byParent(rows.fetch(PACT_REVISION, PACT_REVISION.PACT_ID.in(pactIds)), PACT_REVISION.PACT_ID);
        Map<Long, List<Record>> pactConstituencies = byParent(rows.fetch(PACT_CONSTITUENCY, PACT_CONSTITUENCY.PACT_ID.in(pactIds)), PACT_CONSTITUENCY.PACT_ID);
        Map<Long, List<Record>> pactAmendments = byParent(rows.fetch(PACT_AMENDMENT, PACT_AMENDMENT.PACT_ID.in(pactIds)), PACT_AMENDMENT.PACT_ID);
        Map<Long, List<Record>> ratifications = byParent(rows.fetch(PACT_RATIFICATION, PACT_RATIFICATION.PACT_ID.in(pactIds)), PACT_RATIFICATION.PACT_ID);
        // The other groups in the group's pacts (PactGroupRecords says why a pact's parts go with the group that started it).
        Map<Long, List<Record>> pactGroups = byParent(rows.fetch(PACT_JOINED_GROUP, PACT_JOINED_GROUP.PACT_ID.in(pactIds)), PACT_JOINED_GROUP.PACT_ID);
        Map<Long, ArrayNode> unityBallots = UnityBallotRecords.read(db, rows, pactIds, reader.complete());
        Select<Record1<Long>> unityBallotIds = DSL.select(UNITY_BALLOT.ID).from(UNITY_BALLOT).where(UNITY_BALLOT.PACT_ID.in(pactIds));

        List<Record> comments = wholeThreads(db.selectFrom(COMMENT)
                .where(COMMENT.PROPOSAL_ID.in(proposalIds).or(COMMENT.PACT_ID.in(pactIds)))
                .and(reader.complete() ? DSL.noCondition() : CommentRepository.visibleTo(reader.memberId(), reader.partyId()))
                .orderBy(COMMENT.ID).fetch());
        rows.add(COMMENT, comments);
        Map<Long, List<Record>> proposalComments = byParent(comments.stream().filter(c -> c.get(COMMENT.PROPOSAL_ID) != null).toList(), COMMENT.PROPOSAL_ID);
        Map<Long, List<Record>> pactComments = byParent(comments.stream().filter(c -> c.get(COMMENT.PACT_ID) != null).toList(), COMMENT.PACT_ID);

        List<Record> ballots = rows.fetch(BALLOT, ballotOfGroup);
        Map<Long, List<Record>> electors = byParent(rows.fetch(BALLOT_ELECTOR, BALLOT_ELECTOR.BALLOT_ID.in(ballotIds)), BALLOT_ELECTOR.BALLOT_ID);
        Map<Long, List<Record>> votes = byParent(db.selectFrom(VOTE).where(VOTE.BALLOT_ID.in(ballotIds))
                .orderBy(VOTE.BALLOT_ID, VOTE.MEMBER_ID).fetch().stream().map(r -> (Record) r).toList(), VOTE.BALLOT_ID);
        Map<Long, List<Record>> proposalBallots = byParent(ballots.stream().filter(b -> b.get(BALLOT.PROPOSAL_ID) != null).toList(), BALLOT.PROPOSAL_ID);
        Map<Long, List<Record>> pactBallots = byParent(ballots.stream().filter(b -> b.get(BALLOT.PACT_ID) != null).toList(), BALLOT.PACT_ID);

        var amendmentIds = DSL.select(AMENDMENT.ID).from(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.in(proposalIds));
        List<Record> passages = rows.fetch(AMENDMENT_PASSAGE, AMENDMENT_PASSAGE.AMENDMENT_ID.in(amendmentIds));
        List<Record> offers = rows.fetch(COMPROMISE_OFFER, COMPROMISE_OFFER.COMPROMISE_ID.in(amendmentIds));
        List<Record> publications = rows.fetch(PUBLICATION, PUBLICATION.PROPOSAL_ID.in(proposalIds).or(PUBLICATION.PACT_ID.in(pactIds)));
        List<Record> corrections = rows.fetch(CORRECTION, CORRECTION.PROPOSAL_ID.in(proposalIds).or(CORRECTION.PACT_ID.in(pactIds)));
        List<Record> delegates = rows.fetch(PARTY_DELEGATE, PARTY_DELEGATE.GROUP_ID.eq(groupId));
        List<Record> audit = rows.fetch(AUDIT_EVENT, about(groupId, proposalIds, pactIds, ballotIds, unityBallotIds).and(reader.complete() ? DSL.noCondition()
                : AUDIT_EVENT.ACTION.notIn(HIDDEN_ACTIONS)));

        // Everyone and every party these rows name, so the record restores on its own.
        Set<Long> memberIds = rows.referencesTo(MEMBER);
        for (List<Record> list : votes.values()) {
            list.forEach(v -> memberIds.add(v.get(VOTE.MEMBER_ID)));
        }
        Field<?>[] memberColumns = reader.complete() ? GroupRecordFormat.MEMBER_COLUMNS : GroupRecordFormat.MEMBER_COLUMNS_FOR_MEMBERS;
        List<Record> members = new ArrayList<>(db.select(memberColumns).from(MEMBER)
                .where(MEMBER.ID.in(memberIds)).orderBy(MEMBER.ID).fetch());
        rows.add(MEMBER, members);
        List<Record> parties = new ArrayList<>(db.select(GroupRecordFormat.PARTY_COLUMNS).from(PARTY)
                .where(PARTY.ID.in(rows.referencesTo(PARTY))).orderBy(PARTY.ID).fetch());
        List<Record> elections = new ArrayList<>(db.select(GroupRecordFormat.ELECTION_COLUMNS).from(ELECTION)
                .where(ELECTION.ID.in(rows.referencesTo(ELECTION))).orderBy(ELECTION.ID).fetch());
        Set<Long> otherGroupIds = rows.referencesTo(GROUPS);
        otherGroupIds.remove(groupId);
        List<Record> otherGroups = new ArrayList<>(db.select(GroupRecordFormat.OTHER_GROUP_COLUMNS).from(GROUPS)
                .where(GROUPS.ID.in(otherGroupIds)).orderBy(GROUPS.ID).fetch());

        ObjectNode doc = RecordJson.object();
        doc.put(GroupRecordFormat.FORMAT_KEY, GroupRecordFormat.FORMAT);
        doc.put(GroupRecordFormat.FORMAT_VERSION_KEY, GroupRecordFormat.FORMAT_VERSION);
        doc.put(GroupRecordFormat.SCHEMA_VERSION_KEY, schemaVersion());
        doc.put("exported_at", RecordJson.time(exportedAt));
        if (reader.complete()) {
            doc.putNull("exported_by");
        } else {
            doc.set("exported_by", RecordJson.row(db.select(MEMBER.ID.as("member_id"), MEMBER.DISPLAY_NAME).from(MEMBER)
                    .where(MEMBER.ID.eq(reader.memberId())).fetchOne(), DSL.field("member_id"), MEMBER.DISPLAY_NAME));
        }
        doc.put(GroupRecordFormat.COMPLETE_KEY, reader.complete());
        ArrayNode leftOut = doc.putArray("left_out");
        if (!reader.complete()) {
            String party = db.select(PARTY.NAME).from(PARTY).where(PARTY.ID.eq(reader.partyId())).fetchOne(PARTY.NAME);
            leftOut.add("Caucus comments of parties other than " + party + " (the exporter's party), with replies to them.");
            leftOut.add("Members' email addresses, which the app shows nobody: a restore makes their accounts under a placeholder "
                    + "address (member-ID@restored.invalid), which nobody can sign in to; the complete record (export-group) keeps them.");
            leftOut.add("Invitations no longer open, and the audit trail's comment events and invited addresses, which the app shows nobody either.");
            leftOut.add("Who cast which vote in secret ballots, and the reasons given with those votes: each closed secret ballot lists "
                    + "who voted and, apart from that, the choices made in each party; a secret ballot still open lists only who has voted.");
        }

        doc.set("group", row(GROUPS, group));
        doc.set("constituencies", rows(GROUP_CONSTITUENCY, constituencies));
        doc.set("memberships", rows(GROUP_MEMBERSHIP, memberships));
        doc.set("invitations", rows(GROUP_INVITATION, invitations));
        doc.set("members", rows(members, memberColumns));
        doc.set("parties", rows(parties, GroupRecordFormat.PARTY_COLUMNS));
        doc.set("elections", rows(elections, GroupRecordFormat.ELECTION_COLUMNS));
        doc.set("other_groups", rows(otherGroups, GroupRecordFormat.OTHER_GROUP_COLUMNS));

        ArrayNode proposalArray = doc.putArray("proposals");
        for (Record p : proposals) {
            long id = p.get(PROPOSAL.ID);
            ObjectNode o = row(PROPOSAL, p);
            o.set("authors", rows(PROPOSAL_AUTHOR, authors.get(id)));
            o.set("revisions", rows(PROPOSAL_REVISION, revisions.get(id)));
            o.set("amendments", rows(AMENDMENT, amendments.get(id)));
            o.set("comments", rows(COMMENT, proposalComments.get(id)));
            o.set("ballots", ballots(proposalBallots.get(id), electors, votes, reader));
            proposalArray.add(o);
        }
        ArrayNode pactArray = doc.putArray("pacts");
        for (Record k : pacts) {
            long id = k.get(PACT.ID);
            ObjectNode o = row(PACT, k);
            o.set("revisions", rows(PACT_REVISION, pactRevisions.get(id)));
            o.set("constituencies", rows(PACT_CONSTITUENCY, pactConstituencies.get(id)));
            o.set("amendments", rows(PACT_AMENDMENT, pactAmendments.get(id)));
            o.set("ratifications", rows(PACT_RATIFICATION, ratifications.get(id)));
            o.set("comments", rows(COMMENT, pactComments.get(id)));
            o.set("ballots", ballots(pactBallots.get(id), electors, votes, reader));
            o.set("groups", rows(PACT_JOINED_GROUP, pactGroups.get(id)));
            o.set("unity_ballots", unityBallots.getOrDefault(id, RecordJson.array()));
            pactArray.add(o);
        }
        doc.set("amendment_passages", rows(AMENDMENT_PASSAGE, passages));
        doc.set("compromise_offers", rows(COMPROMISE_OFFER, offers));
        doc.set("publications", rows(PUBLICATION, publications));
        doc.set("corrections", rows(CORRECTION, corrections));
        doc.set("delegates", rows(PARTY_DELEGATE, delegates));
        // Under a key of its own: records before this one wrote them over "elections", losing the elections named.
        doc.set("delegate_elections", ballots(ballots.stream().filter(b -> b.get(BALLOT.GROUP_ID) != null).toList(), electors, votes, reader));
        doc.set("audit_events", rows(AUDIT_EVENT, audit));
        return doc;
    }

    /** Audit events about the group, its proposals, pacts and ballots (and any of their parts named as a subject). */
    private static Condition about(long groupId, Select<Record1<Long>> proposalIds, Select<Record1<Long>> pactIds, Select<Record1<Long>> ballotIds,
                                   Select<Record1<Long>> unityBallotIds) {
        return subject("group", AUDIT_EVENT.SUBJECT_ID.eq(groupId))
                .or(subject("proposal", AUDIT_EVENT.SUBJECT_ID.in(proposalIds)))
                .or(subject("pact", AUDIT_EVENT.SUBJECT_ID.in(pactIds)))
                .or(subject("ballot", AUDIT_EVENT.SUBJECT_ID.in(ballotIds)))
                .or(subject("unity_ballot", AUDIT_EVENT.SUBJECT_ID.in(unityBallotIds)))
                .or(subject("amendment", AUDIT_EVENT.SUBJECT_ID.in(DSL.select(AMENDMENT.ID).from(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.in(proposalIds)))))
                .or(subject("pact_amendment", AUDIT_EVENT.SUBJECT_ID.in(DSL.select(PACT_AMENDMENT.ID).from(PACT_AMENDMENT).where(PACT_AMENDMENT.PACT_ID.in(pactIds)))))
                .or(subject("publication", AUDIT_EVENT.SUBJECT_ID.in(DSL.select(PUBLICATION.ID).from(PUBLICATION)
                        .where(PUBLICATION.PROPOSAL_ID.in(proposalIds).or(PUBLICATION.PACT_ID.in(pactIds))))));
    }

    private static Condition subject(String type, Condition id) {
        return AUDIT_EVENT.SUBJECT_TYPE.eq(type).and(id);
    }

    /** The comments read, less any reply whose parent is left out, so every thread in the record is whole. */
    private static List<Record> wholeThreads(List<CommentRecord> readable) {
        Set<Long> kept = new HashSet<>();
        List<Record> whole = new ArrayList<>();
        for (CommentRecord c : readable) { // by id: a parent comes before its replies
            if (c.getParentId() == null || kept.contains(c.getParentId())) {
                kept.add(c.getId());
                whole.add(c);
            }
        }
        return whole;
    }

    private static ArrayNode ballots(List<Record> ballots, Map<Long, List<Record>> electors, Map<Long, List<Record>> votes, Reader reader) {
        ArrayNode array = RecordJson.array();
        for (Record b : ballots == null ? List.<Record>of() : ballots) {
            long id = b.get(BALLOT.ID);
            ObjectNode o = row(BALLOT, b);
            List<Record> theElectors = electors.getOrDefault(id, List.of());
            List<Record> theVotes = votes.getOrDefault(id, List.of());
            o.set("electors", rows(BALLOT_ELECTOR, theElectors));
            if (b.get(BALLOT.SECRET) && !reader.complete()) {
                o.set("secret_votes", secretVotes(theElectors, theVotes, b.get(BALLOT.CLOSED_AT) != null));
            } else {
                o.set("votes", rows(VOTE, theVotes));
            }
            array.add(o);
        }
        return array;
    }

    /**
     * Who voted (and when), and apart from that each party's choices in order: never who chose what. While the ballot
     * is open its choices are not shown to anyone, not even as totals, so they are left out ({@code "choices": null}).
     */
    private static ObjectNode secretVotes(List<Record> electors, List<Record> votes, boolean closed) {
        Map<Long, Long> partyOf = new HashMap<>();
        electors.forEach(e -> partyOf.put(e.get(BALLOT_ELECTOR.MEMBER_ID), e.get(BALLOT_ELECTOR.PARTY_ID)));
        ObjectNode secret = RecordJson.object();
        ArrayNode voters = secret.putArray("voters");
        for (Record v : votes) { // ordered by member
            ObjectNode voter = voters.addObject();
            RecordJson.put(voter, VOTE.MEMBER_ID.getName(), v.get(VOTE.MEMBER_ID));
            RecordJson.put(voter, VOTE.CAST_AT.getName(), v.get(VOTE.CAST_AT));
            RecordJson.put(voter, VOTE.CHANGED_AT.getName(), v.get(VOTE.CHANGED_AT));
        }
        if (!closed) {
            secret.putNull("choices");
            return secret;
        }
        ArrayNode choices = secret.putArray("choices");
        votes.stream()
                .map(v -> Map.entry(partyOf.get(v.get(VOTE.MEMBER_ID)), v.get(VOTE.CHOICE)))
                .sorted(Map.Entry.<Long, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .forEach(c -> {
                    ObjectNode choice = choices.addObject();
                    choice.put(BALLOT_ELECTOR.PARTY_ID.getName(), c.getKey());
                    choice.put(VOTE.CHOICE.getName(), c.getValue());
                });
        return secret;
    }

    static ObjectNode row(Table<?> table, Record record) {
        return RecordJson.row(record, table.fields());
    }

    static ArrayNode rows(Table<?> table, List<Record> records) {
        return rows(records, table.fields());
    }

    private static ArrayNode rows(List<Record> records, Field<?>... fields) {
        ArrayNode array = RecordJson.array();
        for (Record r : records == null ? List.<Record>of() : records) {
            array.add(RecordJson.row(r, fields));
        }
        return array;
    }

    static Map<Long, List<Record>> byParent(List<Record> records, Field<Long> parent) {
        Map<Long, List<Record>> map = new LinkedHashMap<>();
        records.forEach(r -> map.computeIfAbsent(r.get(parent), k -> new ArrayList<>()).add(r));
        return map;
    }

    /** The rows read so far, by table, for finding the members, parties and elections they refer to. */
    final class Rows {
        private final Map<Table<?>, List<Record>> byTable = new LinkedHashMap<>();

        <R extends Record> List<Record> fetch(Table<R> table, Condition condition) {
            List<Record> list = new ArrayList<>(db.selectFrom(table).where(condition)
                    .orderBy(table.getPrimaryKey().getFields().stream().map(f -> (Field<?>) f).toList()).fetch());
            add(table, list);
            return list;
        }

        void add(Table<?> table, List<? extends Record> records) {
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).addAll(records);
        }

        /** Every value of a foreign key to {@code target} in the rows read, in order. */
        Set<Long> referencesTo(Table<?> target) {
            Set<Long> ids = new TreeSet<>(Comparator.naturalOrder());
            byTable.forEach((table, records) -> {
                for (ForeignKey<?, ?> key : table.getReferences()) {
                    if (!key.getKey().getTable().equals(target) || key.getFields().size() != 1) {
                        continue;
                    }
                    TableField<?, ?> field = key.getFields().getFirst();
                    for (Record r : records) {
                        Object value = r.field(field.getName()) == null ? null : r.get(field.getName());
                        if (value instanceof Long id) {
                            ids.add(id);
                        }
                    }
                }
            });
            return ids;
        }
    }
}
