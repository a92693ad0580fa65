package org.commonground.party;

import static org.commonground.jooq.Tables.PARTY;

import java.util.List;
import java.util.Optional;

import org.commonground.jooq.tables.records.PartyRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class PartyRepository {

    private final DSLContext db;

    public PartyRepository(DSLContext db) {
        this.db = db;
    }

    public List<Party> findAll() {
        return db.selectFrom(PARTY).orderBy(PARTY.ID).fetch(PartyRepository::toParty);
    }

    public Optional<Party> findById(long id) {
        return db.selectFrom(PARTY).where(PARTY.ID.eq(id)).fetchOptional(PartyRepository::toParty);
    }

    public Optional<Party> findByCode(String code) {
        return db.selectFrom(PARTY).where(PARTY.CODE.eq(code)).fetchOptional(PartyRepository::toParty);
    }

    public boolean codeExists(String code) {
        return db.fetchExists(PARTY, PARTY.CODE.eq(code));
    }

    public boolean nameExists(String name, Long exceptId) {
        return db.fetchExists(PARTY, DSL.lower(PARTY.NAME).eq(name.toLowerCase())
                .and(exceptId == null ? DSL.trueCondition() : PARTY.ID.ne(exceptId)));
    }

    public long insert(String code, String name, String colour) {
        return db.insertInto(PARTY).set(PARTY.CODE, code).set(PARTY.NAME, name).set(PARTY.COLOUR, colour)
                .returning(PARTY.ID).fetchOne(PARTY.ID);
    }

    public int update(long id, String name, String colour) {
        return db.update(PARTY).set(PARTY.NAME, name).set(PARTY.COLOUR, colour).where(PARTY.ID.eq(id)).execute();
    }

    private static Party toParty(PartyRecord r) {
        return new Party(r.getId(), r.getCode(), r.getName(), r.getColour());
    }
}
