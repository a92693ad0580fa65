package org.commonground.election;

import static org.commonground.jooq.Tables.CONSTITUENCY;
import static org.commonground.jooq.Tables.CONSTITUENCY_FORMER_NAME;
import static org.commonground.jooq.Tables.ELECTION;
import static org.commonground.jooq.Tables.ELECTION_RESULT;
import static org.commonground.jooq.Tables.HEX_CELL;
import static org.commonground.jooq.Tables.HEX_MAP;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.commonground.election.map.HexCell;
import org.commonground.election.map.HexLayout;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.ElectionResults;
import org.commonground.jooq.tables.records.ElectionRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
public class ElectionRepository {

    private static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;

    public ElectionRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Replaces the results of the election with this code (keeping its id, which pacts cite as evidence), or creates
     * it, and stores the new results in batches, reporting the rows written. The caller's transaction makes it all
     * or nothing.
     */
    public long replace(String code, String name, ElectionResults results, long importedBy, IntConsumer rowsWritten) {
        String[] parties = results.parties().toArray(String[]::new);
        Long existing = db.select(ELECTION.ID).from(ELECTION).where(DSL.lower(ELECTION.CODE).eq(code.toLowerCase()))
                .forUpdate().fetchOne(ELECTION.ID);
        long id;
        if (existing != null) {
            id = existing;
            db.deleteFrom(ELECTION_RESULT).where(ELECTION_RESULT.ELECTION_ID.eq(id)).execute();
            db.update(ELECTION).set(ELECTION.CODE, code).set(ELECTION.NAME, name).set(ELECTION.PARTIES, parties)
                    .set(ELECTION.IMPORTED_BY, importedBy).set(ELECTION.IMPORTED_AT, OffsetDateTime.now()).where(ELECTION.ID.eq(id)).execute();
        } else {
            id = db.insertInto(ELECTION)
                    .set(ELECTION.CODE, code)
                    .set(ELECTION.NAME, name)
                    .set(ELECTION.PARTIES, parties)
                    .set(ELECTION.IMPORTED_BY, importedBy)
                    .returning(ELECTION.ID).fetchOne(ELECTION.ID);
        }
        List<ConstituencyResult> rows = results.constituencies();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Query> batch = new ArrayList<>();
            for (int i = from; i < Math.min(rows.size(), from + BATCH); i++) {
                ConstituencyResult r = rows.get(i);
                // A renamed constituency keeps its old name for the public search.
                batch.add(db.insertInto(CONSTITUENCY_FORMER_NAME, CONSTITUENCY_FORMER_NAME.ONS_CODE, CONSTITUENCY_FORMER_NAME.NAME)
                        .select(db.select(CONSTITUENCY.ONS_CODE, CONSTITUENCY.NAME).from(CONSTITUENCY)
                                .where(CONSTITUENCY.ONS_CODE.eq(r.onsId())).and(CONSTITUENCY.NAME.ne(r.name())))
                        .onConflictDoNothing());
                batch.add(db.insertInto(CONSTITUENCY)
                        .set(CONSTITUENCY.ONS_CODE, r.onsId()).set(CONSTITUENCY.NAME, r.name())
                        .set(CONSTITUENCY.REGION, r.region()).set(CONSTITUENCY.COUNTRY, r.country())
                        .onConflict(CONSTITUENCY.ONS_CODE).doUpdate()
                        .set(CONSTITUENCY.NAME, r.name()).set(CONSTITUENCY.REGION, r.region()).set(CONSTITUENCY.COUNTRY, r.country()));
                batch.add(db.insertInto(ELECTION_RESULT)
                        .set(ELECTION_RESULT.ELECTION_ID, id)
                        .set(ELECTION_RESULT.ONS_CODE, r.onsId())
                        .set(ELECTION_RESULT.POSITION, i)
                        .set(ELECTION_RESULT.ELECTORATE, r.electorate())
                        .set(ELECTION_RESULT.VALID_VOTES, r.validVotes())
                        .set(ELECTION_RESULT.INVALID_VOTES, r.invalidVotes())
                        .set(ELECTION_RESULT.MAJORITY, r.majority())
                        .set(ELECTION_RESULT.WINNER, r.winner())
                        .set(ELECTION_RESULT.SECOND_PARTY, r.secondParty())
                        .set(ELECTION_RESULT.RESULT, r.result())
                        .set(ELECTION_RESULT.MEMBER_NAME, r.memberName())
                        .set(ELECTION_RESULT.VOTES, JSONB.valueOf(JSON.writeValueAsString(r.votes())))
                        .set(ELECTION_RESULT.OTHER_WINNER_VOTES, r.otherWinnerVotes()));
            }
            db.batch(batch).execute();
            rowsWritten.accept(Math.min(rows.size(), from + BATCH));
        }
        return id;
    }

    public List<ElectionRecord> all() {
        return db.selectFrom(ELECTION).orderBy(ELECTION.IMPORTED_AT.desc(), ELECTION.ID.desc()).fetch();
    }

    public Optional<ElectionRecord> find(long electionId) {
        return db.selectFrom(ELECTION).where(ELECTION.ID.eq(electionId)).fetchOptional();
    }

    public int resultCount(long electionId) {
        return db.fetchCount(ELECTION_RESULT, ELECTION_RESULT.ELECTION_ID.eq(electionId));
    }

    /** The election's results in the file's order, as the analysis takes them; {@code onsCodes} null for all. */
    public List<ConstituencyResult> results(long electionId, java.util.Collection<String> onsCodes) {
        var query = db.select(ELECTION_RESULT.asterisk(), CONSTITUENCY.NAME, CONSTITUENCY.REGION, CONSTITUENCY.COUNTRY)
                .from(ELECTION_RESULT).join(CONSTITUENCY).on(CONSTITUENCY.ONS_CODE.eq(ELECTION_RESULT.ONS_CODE))
                .where(ELECTION_RESULT.ELECTION_ID.eq(electionId));
        if (onsCodes != null) {
            query = query.and(ELECTION_RESULT.ONS_CODE.in(onsCodes));
        }
        return query.orderBy(ELECTION_RESULT.POSITION).fetch(ElectionRepository::result);
    }

    /** One constituency's results in every election, newest import first. */
    public List<Map.Entry<ElectionRecord, ConstituencyResult>> resultsOf(String onsCode) {
        return db.select(ELECTION.asterisk(), ELECTION_RESULT.asterisk(), CONSTITUENCY.NAME, CONSTITUENCY.REGION, CONSTITUENCY.COUNTRY)
                .from(ELECTION_RESULT)
                .join(ELECTION).on(ELECTION.ID.eq(ELECTION_RESULT.ELECTION_ID))
                .join(CONSTITUENCY).on(CONSTITUENCY.ONS_CODE.eq(ELECTION_RESULT.ONS_CODE))
                .where(ELECTION_RESULT.ONS_CODE.eq(onsCode))
                .orderBy(ELECTION.IMPORTED_AT.desc())
                .fetch(r -> Map.entry(r.into(ELECTION), result(r)));
    }

    public Optional<String[]> constituency(String onsCode) {
        return db.select(CONSTITUENCY.NAME, CONSTITUENCY.REGION, CONSTITUENCY.COUNTRY).from(CONSTITUENCY)
                .where(CONSTITUENCY.ONS_CODE.eq(onsCode)).fetchOptional(r -> new String[] {r.value1(), r.value2(), r.value3()});
    }

    @SuppressWarnings("unchecked")
    private static ConstituencyResult result(Record r) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Object> stored = JSON.readValue(r.get(ELECTION_RESULT.VOTES).data(), LinkedHashMap.class);
        stored.forEach((party, count) -> votes.put(party, ((Number) count).intValue()));
        return new ConstituencyResult(r.get(ELECTION_RESULT.ONS_CODE), r.get(CONSTITUENCY.NAME), r.get(CONSTITUENCY.REGION),
                r.get(CONSTITUENCY.COUNTRY), r.get(ELECTION_RESULT.ELECTORATE), r.get(ELECTION_RESULT.VALID_VOTES),
                r.get(ELECTION_RESULT.INVALID_VOTES), r.get(ELECTION_RESULT.MAJORITY), r.get(ELECTION_RESULT.WINNER),
                r.get(ELECTION_RESULT.SECOND_PARTY), r.get(ELECTION_RESULT.RESULT), r.get(ELECTION_RESULT.MEMBER_NAME),
                votes, r.get(ELECTION_RESULT.OTHER_WINNER_VOTES));
    }

    /** Replaces the hexagon map whole. */
    public void replaceHexMap(HexLayout layout, long importedBy) {
        db.deleteFrom(HEX_CELL).execute();
        db.deleteFrom(HEX_MAP).execute();
        db.insertInto(HEX_MAP).set(HEX_MAP.ID, (short) 1).set(HEX_MAP.LAYOUT, layout.layout()).set(HEX_MAP.IMPORTED_BY, importedBy).execute();
        var insert = db.insertInto(HEX_CELL, HEX_CELL.ONS_CODE, HEX_CELL.NAME, HEX_CELL.Q, HEX_CELL.R);
        for (HexCell c : layout.cells()) {
            insert = insert.values(c.onsCode(), c.name(), c.q(), c.r());
        }
        if (!layout.cells().isEmpty()) {
            insert.execute();
        }
    }

    public Optional<HexLayout> hexMap() {
        return db.select(HEX_MAP.LAYOUT).from(HEX_MAP).fetchOptional(HEX_MAP.LAYOUT)
                .map(layout -> new HexLayout(layout, db.selectFrom(HEX_CELL).orderBy(HEX_CELL.R, HEX_CELL.Q)
                        .fetch(c -> new HexCell(c.getOnsCode(), c.getName(), c.getQ(), c.getR()))));
    }

    static List<String> parties(ElectionRecord e) {
        return Arrays.asList(e.getParties());
    }
}
