package org.commonground.election;

import static org.commonground.jooq.Tables.CONSTITUENCY;
import static org.commonground.jooq.Tables.CONSTITUENCY_FORMER_NAME;
import static org.commonground.jooq.Tables.ELECTION;
import static org.commonground.jooq.Tables.ELECTION_RESULT;
import static org.commonground.jooq.Tables.HEX_MAP;
import static org.commonground.jooq.Tables.PUBLIC_ELECTION;

import java.util.List;
import java.util.Optional;

import org.commonground.election.results.Alliance;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The public pages' setting (the newest choice is the one in force), and the names the public search looks through. */
@Repository
class PublicElectionRepository {

    private final DSLContext db;

    PublicElectionRepository(DSLContext db) {
        this.db = db;
    }

    /** A constituency's name, current or former, for the search. */
    record Name(String onsCode, String name, boolean former) {
    }

    long choose(long electionId, String allianceParties, long chosenBy) {
        return db.insertInto(PUBLIC_ELECTION).set(PUBLIC_ELECTION.ELECTION_ID, electionId).set(PUBLIC_ELECTION.ALLIANCE_PARTIES, allianceParties)
                .set(PUBLIC_ELECTION.CHOSEN_BY, chosenBy).returning(PUBLIC_ELECTION.ID).fetchOne(PUBLIC_ELECTION.ID);
    }

    Optional<PublicElection> current() {
        return db.select(PUBLIC_ELECTION.ELECTION_ID, ELECTION.CODE, ELECTION.NAME, PUBLIC_ELECTION.ALLIANCE_PARTIES, PUBLIC_ELECTION.CHOSEN_AT)
                .from(PUBLIC_ELECTION).join(ELECTION).on(ELECTION.ID.eq(PUBLIC_ELECTION.ELECTION_ID))
                .orderBy(PUBLIC_ELECTION.CHOSEN_AT.desc(), PUBLIC_ELECTION.ID.desc()).limit(1)
                .fetchOptional(r -> new PublicElection(r.value1(), r.value2(), r.value3(), Alliance.parse(r.value4()), r.value5()));
    }

    /** What the public pages depend on: the setting in force and when its election was last imported. */
    String version() {
        String setting = db.select(PUBLIC_ELECTION.ID, ELECTION.IMPORTED_AT).from(PUBLIC_ELECTION).join(ELECTION).on(ELECTION.ID.eq(PUBLIC_ELECTION.ELECTION_ID))
                .orderBy(PUBLIC_ELECTION.CHOSEN_AT.desc(), PUBLIC_ELECTION.ID.desc()).limit(1)
                .fetchOptional(r -> r.value1() + "@" + r.value2().toInstant()).orElse("none");
        // The public map is drawn on the hexagon layout an admin may import.
        return setting + db.select(HEX_MAP.IMPORTED_AT).from(HEX_MAP).fetchOptional(r -> "/map@" + r.value1().toInstant()).orElse("");
    }

    /** Every name of the constituencies with a result in the election (every constituency when {@code electionId} is null). */
    List<Name> names(Long electionId) {
        var current = db.select(CONSTITUENCY.ONS_CODE, CONSTITUENCY.NAME).from(CONSTITUENCY)
                .where(electionId == null ? org.jooq.impl.DSL.noCondition() : CONSTITUENCY.ONS_CODE.in(
                        db.select(ELECTION_RESULT.ONS_CODE).from(ELECTION_RESULT).where(ELECTION_RESULT.ELECTION_ID.eq(electionId))))
                .fetch(r -> new Name(r.value1(), r.value2(), false));
        var former = db.select(CONSTITUENCY_FORMER_NAME.ONS_CODE, CONSTITUENCY_FORMER_NAME.NAME).from(CONSTITUENCY_FORMER_NAME)
                .where(electionId == null ? org.jooq.impl.DSL.noCondition() : CONSTITUENCY_FORMER_NAME.ONS_CODE.in(
                        db.select(ELECTION_RESULT.ONS_CODE).from(ELECTION_RESULT).where(ELECTION_RESULT.ELECTION_ID.eq(electionId))))
                .fetch(r -> new Name(r.value1(), r.value2(), true));
        return java.util.stream.Stream.concat(current.stream(), former.stream()).toList();
    }

    List<String> formerNames(String onsCode) {
        return db.select(CONSTITUENCY_FORMER_NAME.NAME).from(CONSTITUENCY_FORMER_NAME).where(CONSTITUENCY_FORMER_NAME.ONS_CODE.eq(onsCode))
                .orderBy(CONSTITUENCY_FORMER_NAME.NAME).fetch(CONSTITUENCY_FORMER_NAME.NAME);
    }
}
