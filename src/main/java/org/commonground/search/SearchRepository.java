package org.commonground.search;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.COMMENT;
import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.jooq.Tables.PACT_AMENDMENT;
import static org.commonground.jooq.Tables.PACT_READER;
import static org.commonground.jooq.Tables.PACT_REVISION;
import static org.commonground.jooq.Tables.PROPOSAL;
import static org.commonground.jooq.Tables.PROPOSAL_READER;
import static org.commonground.jooq.Tables.PROPOSAL_REVISION;

import java.util.ArrayList;
import java.util.List;

import org.commonground.comment.Visibility;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Full-text search over the generated {@code search} columns (V11) in one statement. Who may read what is part of
 * the statement's WHERE clauses, so rows a member may not read are never fetched at all: proposals by the
 * {@code proposal_reader} view (V24, mirrored by ProposalAccessRules: drafts for authors and convenors, withdrawn
 * ones also for members if the group ever saw them, the rest for the group's active members), pacts by the
 * {@code pact_reader} view (V32, which PactGuard asks too: the active members of all the pact's groups), comments only where their proposal or pact is readable, never deleted ones, and CAUCUS
 * comments only for the author's party.
 * Snippets come from {@code ts_headline}, computed only for the rows returned.
 */
@Repository
public class SearchRepository {

    /**
     * Long texts are highlighted from their first 30,000 characters (about 5,000 words): {@code ts_headline} parses
     * all it is given, some 15 ms for that much, and a manifesto can be ten times longer. A proposal found only by
     * words further on still ranks by its whole text; its passage is then its beginning, unmarked.
     */
    static final int HEADLINE_TEXT = 30_000;

    private static final String HEADLINE_OPTIONS = "StartSel=" + Snippet.START + ", StopSel=" + Snippet.STOP
            + ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" \u2026 \"";

    private static final Field<String> KIND = DSL.field(DSL.name("kind"), SQLDataType.CLOB);
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<Long> PROPOSAL_ID = DSL.field(DSL.name("proposal_id"), SQLDataType.BIGINT);
    private static final Field<Long> PACT_ID = DSL.field(DSL.name("pact_id"), SQLDataType.BIGINT);
    private static final Field<Integer> NUMBER = DSL.field(DSL.name("number"), SQLDataType.INTEGER);
    private static final Field<String> TITLE = DSL.field(DSL.name("title"), SQLDataType.CLOB);
    private static final Field<Long> GROUP_ID = DSL.field(DSL.name("group_id"), SQLDataType.BIGINT);
    private static final Field<Boolean> CAUCUS = DSL.field(DSL.name("caucus"), SQLDataType.BOOLEAN);
    private static final Field<Float> RANK = DSL.field(DSL.name("rank"), SQLDataType.REAL);
    private static final Field<String> DOCUMENT = DSL.field(DSL.name("document"), SQLDataType.CLOB);
    private static final Field<String> GROUP_NAME = DSL.field(DSL.name("group_name"), SQLDataType.CLOB);
    private static final Field<String> ENGLISH_HEADLINE = DSL.field(DSL.name("english_headline"), SQLDataType.CLOB);

    private final DSLContext db;

    public SearchRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The best {@code limit} matches for {@code query} (websearch syntax: words, "quoted phrases", or, -not) that
     * the member may read, best first.
     */
    public List<SearchResult> search(String query, long memberId, long partyId, int limit) {
        Field<Object> tsQuery = tsQuery(query);
        Table<?> hits = proposals(tsQuery, memberId)
                .unionAll(amendments(tsQuery, memberId))
                .unionAll(proposalComments(tsQuery, memberId, partyId))
                .unionAll(pacts(tsQuery, memberId))
                .unionAll(pactAmendments(tsQuery, memberId))
                .unionAll(pactComments(tsQuery, memberId, partyId))
                .asTable("hit");
        Table<?> best = DSL.select(hits.fields()).from(hits)
                .orderBy(hits.field(RANK).desc(), hits.field(KIND), hits.field(ID).desc())
                .limit(limit)
                .asTable("best");
        // Headlines only for the rows returned; English first, and 'simple' when English highlighted nothing
        // (a name that English drops as a stop word, such as "Will").
        Field<String> cleanDocument = DSL.replace(DSL.replace(DSL.left(best.field(DOCUMENT), HEADLINE_TEXT),
                String.valueOf(Snippet.START), ""), String.valueOf(Snippet.STOP), "");
        Table<?> highlighted = DSL.select(best.field(KIND), best.field(ID), best.field(PROPOSAL_ID), best.field(PACT_ID),
                        best.field(NUMBER), best.field(TITLE), GROUPS.NAME.as(GROUP_NAME), best.field(CAUCUS), best.field(RANK),
                        cleanDocument.as(DOCUMENT), headline("english", cleanDocument, tsQuery).as(ENGLISH_HEADLINE))
                .from(best).join(GROUPS).on(GROUPS.ID.eq(best.field(GROUP_ID)))
                .asTable("highlighted");
        Field<String> english = highlighted.field(ENGLISH_HEADLINE);
        Field<String> headline = DSL.when(DSL.position(english, DSL.inline(String.valueOf(Snippet.START))).gt(0), english)
                .otherwise(headline("simple", highlighted.field(DOCUMENT), tsQuery));
        return db.select(highlighted.field(KIND), highlighted.field(ID), highlighted.field(PROPOSAL_ID), highlighted.field(PACT_ID),
                        highlighted.field(NUMBER), highlighted.field(TITLE), highlighted.field(GROUP_NAME), highlighted.field(CAUCUS),
                        highlighted.field(RANK), headline)
                .from(highlighted)
                .orderBy(highlighted.field(RANK).desc(), highlighted.field(KIND), highlighted.field(ID).desc())
                .fetch(r -> new SearchResult(SearchKind.valueOf(r.value1()), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), Boolean.TRUE.equals(r.value8()), r.value9(), Snippet.fromHeadline(r.value10())));
    }

    // --- what may be found, and by whom ---

    /** The pacts the member may read, by the one rule (V32's view, which PactGuard asks too). */
    private static Select<org.jooq.Record1<Long>> readablePacts(long memberId) {
        return DSL.select(PACT_READER.PACT_ID).from(PACT_READER).where(PACT_READER.MEMBER_ID.eq(memberId));
    }

    /** The proposals the member may read, by the one rule (V24's view; ProposalAccessRules.canRead is its mirror). */
    private static Select<org.jooq.Record1<Long>> readableProposals(long memberId) {
        return DSL.select(PROPOSAL_READER.PROPOSAL_ID).from(PROPOSAL_READER).where(PROPOSAL_READER.MEMBER_ID.eq(memberId));
    }

    /** Mirrors CommentRepository's caucus rule: SHARED, or the reader's own party's, or the reader's own. */
    private static Condition commentVisible(long memberId, long partyId) {
        return COMMENT.DELETED_AT.isNull()
                .and(COMMENT.VISIBILITY.eq(Visibility.SHARED.name())
                        .or(COMMENT.AUTHOR_PARTY_ID.eq(partyId))
                        .or(COMMENT.AUTHOR_ID.eq(memberId)));
    }

    // --- the six kinds of match, each with the same columns ---

    private static Select<Record> proposals(Field<Object> q, long memberId) {
        Field<Object> search = searchOf(PROPOSAL_REVISION);
        return DSL.select(hit(SearchKind.PROPOSAL, PROPOSAL.ID, PROPOSAL.ID, null, null, PROPOSAL.TITLE, PROPOSAL.GROUP_ID,
                        DSL.falseCondition(), rank(search, q), PROPOSAL_REVISION.SUMMARY.concat(DSL.inline("\n\n"), PROPOSAL_REVISION.BODY)))
                .from(PROPOSAL)
                .join(PROPOSAL_REVISION).on(PROPOSAL_REVISION.PROPOSAL_ID.eq(PROPOSAL.ID))
                .and(PROPOSAL_REVISION.NUMBER.eq(PROPOSAL.CURRENT_REVISION))
                .where(matches(search, q))
                .and(PROPOSAL.ID.in(readableProposals(memberId)));
    }

    private static Select<Record> amendments(Field<Object> q, long memberId) {
        Field<Object> search = searchOf(AMENDMENT);
        return DSL.select(hit(SearchKind.AMENDMENT, AMENDMENT.ID, PROPOSAL.ID, null, AMENDMENT.NUMBER, PROPOSAL.TITLE, PROPOSAL.GROUP_ID,
                        DSL.falseCondition(), rank(search, q), AMENDMENT.REPLACEMENT.concat(DSL.inline("\n\n"), AMENDMENT.REASON)))
                .from(AMENDMENT)
                .join(PROPOSAL).on(PROPOSAL.ID.eq(AMENDMENT.PROPOSAL_ID))
                .where(matches(search, q))
                .and(AMENDMENT.PROPOSAL_ID.in(readableProposals(memberId)));
    }

    private static Select<Record> proposalComments(Field<Object> q, long memberId, long partyId) {
        Field<Object> search = searchOf(COMMENT);
        return DSL.select(hit(SearchKind.COMMENT, COMMENT.ID, PROPOSAL.ID, null, null, PROPOSAL.TITLE, PROPOSAL.GROUP_ID,
                        COMMENT.VISIBILITY.eq(Visibility.CAUCUS.name()), rank(search, q), COMMENT.BODY))
                .from(COMMENT)
                .join(PROPOSAL).on(PROPOSAL.ID.eq(COMMENT.PROPOSAL_ID))
                .where(matches(search, q))
                .and(commentVisible(memberId, partyId))
                .and(COMMENT.PROPOSAL_ID.in(readableProposals(memberId)));
    }

    private static Select<Record> pacts(Field<Object> q, long memberId) {
        Field<Object> title = searchOf(PACT);
        Field<Object> conditions = searchOf(PACT_REVISION);
        return DSL.select(hit(SearchKind.PACT, PACT.ID, null, PACT.ID, null, PACT.TITLE, PACT.GROUP_ID,
                        DSL.falseCondition(), rank(DSL.field("({0} || {1})", Object.class, title, conditions), q), PACT_REVISION.CONDITIONS))
                .from(PACT)
                .join(PACT_REVISION).on(PACT_REVISION.PACT_ID.eq(PACT.ID)).and(PACT_REVISION.NUMBER.eq(PACT.CURRENT_REVISION))
                .where(matches(title, q).or(matches(conditions, q)))
                .and(PACT.ID.in(readablePacts(memberId)));
    }

    private static Select<Record> pactAmendments(Field<Object> q, long memberId) {
        Field<Object> search = searchOf(PACT_AMENDMENT);
        return DSL.select(hit(SearchKind.PACT_AMENDMENT, PACT_AMENDMENT.ID, null, PACT.ID, PACT_AMENDMENT.NUMBER, PACT.TITLE, PACT.GROUP_ID,
                        DSL.falseCondition(), rank(search, q), PACT_AMENDMENT.REASON.concat(DSL.inline("\n\n"), PACT_AMENDMENT.CONDITIONS)))
                .from(PACT_AMENDMENT)
                .join(PACT).on(PACT.ID.eq(PACT_AMENDMENT.PACT_ID))
                .where(matches(search, q))
                .and(PACT.ID.in(readablePacts(memberId)));
    }

    private static Select<Record> pactComments(Field<Object> q, long memberId, long partyId) {
        Field<Object> search = searchOf(COMMENT);
        return DSL.select(hit(SearchKind.COMMENT, COMMENT.ID, null, PACT.ID, null, PACT.TITLE, PACT.GROUP_ID,
                        COMMENT.VISIBILITY.eq(Visibility.CAUCUS.name()), rank(search, q), COMMENT.BODY))
                .from(COMMENT)
                .join(PACT).on(PACT.ID.eq(COMMENT.PACT_ID))
                .where(matches(search, q))
                .and(commentVisible(memberId, partyId))
                .and(PACT.ID.in(readablePacts(memberId)));
    }

    private static List<SelectField<?>> hit(SearchKind kind, Field<Long> id, Field<Long> proposalId, Field<Long> pactId,
                                            Field<Integer> number, Field<String> title, Field<Long> groupId, Condition caucus,
                                            Field<Float> rank, Field<String> document) {
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(DSL.inline(kind.name()).as(KIND));
        fields.add(id.as(ID));
        fields.add((proposalId == null ? DSL.castNull(SQLDataType.BIGINT) : proposalId).as(PROPOSAL_ID));
        fields.add((pactId == null ? DSL.castNull(SQLDataType.BIGINT) : pactId).as(PACT_ID));
        fields.add((number == null ? DSL.castNull(SQLDataType.INTEGER) : number).as(NUMBER));
        fields.add(title.as(TITLE));
        fields.add(groupId.as(GROUP_ID));
        fields.add(DSL.field(caucus).as(CAUCUS));
        fields.add(rank.as(RANK));
        fields.add(document.as(DOCUMENT));
        return fields;
    }

    // --- PostgreSQL full text search ---

    /** The typed words read both ways, English-stemmed or as written: a row matching either is found. */
    private static Field<Object> tsQuery(String query) {
        return DSL.field("(websearch_to_tsquery('pg_catalog.english', {0}) || websearch_to_tsquery('pg_catalog.simple', {0}))",
                Object.class, DSL.val(query, SQLDataType.CLOB));
    }

    private static Field<Object> searchOf(Table<?> table) {
        return DSL.field(table.getQualifiedName().append("search"));
    }

    private static Condition matches(Field<Object> search, Field<Object> q) {
        return DSL.condition("{0} @@ {1}", search, q);
    }

    /** Cover density, divided by 1 + log of the text's length so long texts do not win by length alone. */
    private static Field<Float> rank(Field<Object> search, Field<Object> q) {
        return DSL.field("ts_rank_cd({0}, {1}, 1)", SQLDataType.REAL, search, q);
    }

    private static Field<String> headline(String configuration, Field<String> document, Field<Object> q) {
        return DSL.field("ts_headline({0}::regconfig, {1}, {2}, {3})", SQLDataType.CLOB,
                DSL.inline("pg_catalog." + configuration), document, q, DSL.val(HEADLINE_OPTIONS));
    }
}
