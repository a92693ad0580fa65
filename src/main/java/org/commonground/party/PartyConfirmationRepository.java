package org.commonground.party;

import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.PARTY_ORGANISER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.commonground.jooq.tables.Member;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record8;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class PartyConfirmationRepository {

    private static final Member CONFIRMER = MEMBER.as("confirmer");

    private final DSLContext db;

    public PartyConfirmationRepository(DSLContext db) {
        this.db = db;
    }

    private SelectOnConditionStep<Record8<Long, String, String, Long, String, OffsetDateTime, String, Boolean>> standings() {
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL, MEMBER.PARTY_ID, PARTY.CODE, MEMBER.PARTY_CONFIRMED_AT,
                        CONFIRMER.DISPLAY_NAME,
                        DSL.field(DSL.exists(DSL.selectOne().from(PARTY_ORGANISER)
                                .where(PARTY_ORGANISER.MEMBER_ID.eq(MEMBER.ID)).and(PARTY_ORGANISER.PARTY_ID.eq(MEMBER.PARTY_ID)))))
                .from(MEMBER).join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .leftJoin(CONFIRMER).on(CONFIRMER.ID.eq(MEMBER.PARTY_CONFIRMED_BY));
    }

    private static PartyStanding toStanding(Record8<Long, String, String, Long, String, OffsetDateTime, String, Boolean> r) {
        return new PartyStanding(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8());
    }

    public Optional<PartyStanding> standing(long memberId) {
        return standings().where(MEMBER.ID.eq(memberId)).fetchOptional(PartyConfirmationRepository::toStanding);
    }

    public Optional<PartyStanding> standingByEmail(String email) {
        return standings().where(DSL.lower(MEMBER.EMAIL).eq(email.strip().toLowerCase())).fetchOptional(PartyConfirmationRepository::toStanding);
    }

    /** The party's members whose address is verified: those still claiming it first, then by name. */
    public List<PartyStanding> membersOf(long partyId) {
        return standings().where(MEMBER.PARTY_ID.eq(partyId)).and(MEMBER.EMAIL_VERIFIED_AT.isNotNull())
                .orderBy(MEMBER.PARTY_CONFIRMED_AT.isNotNull(), MEMBER.DISPLAY_NAME, MEMBER.ID)
                .fetch(PartyConfirmationRepository::toStanding);
    }

    public List<PartyStanding> organisersOf(long partyId) {
        return standings().join(PARTY_ORGANISER).on(PARTY_ORGANISER.MEMBER_ID.eq(MEMBER.ID)).and(PARTY_ORGANISER.PARTY_ID.eq(MEMBER.PARTY_ID))
                .where(MEMBER.PARTY_ID.eq(partyId)).orderBy(MEMBER.DISPLAY_NAME, MEMBER.ID)
                .fetch(PartyConfirmationRepository::toStanding);
    }

    /**
     * Whether the member confirms others of the party: a confirmed member of it who organises it. (Convening a PARTY
     * group does not make a confirmer: anyone confirmed may create one, so the party could no longer choose who
     * speaks for it.)
     */
    public boolean isConfirmer(long memberId, long partyId) {
        Condition organises = DSL.exists(DSL.selectOne().from(PARTY_ORGANISER)
                .where(PARTY_ORGANISER.MEMBER_ID.eq(memberId)).and(PARTY_ORGANISER.PARTY_ID.eq(partyId)));
        return db.fetchExists(MEMBER, MEMBER.ID.eq(memberId).and(MEMBER.PARTY_ID.eq(partyId))
                .and(MEMBER.PARTY_CONFIRMED_AT.isNotNull()).and(organises));
    }

    /** Confirms a member's claim to the party, once: false when it was confirmed already or the party changed. */
    public boolean confirm(long memberId, long partyId, long confirmedBy, OffsetDateTime at) {
        return db.update(MEMBER).set(MEMBER.PARTY_CONFIRMED_AT, at).set(MEMBER.PARTY_CONFIRMED_BY, confirmedBy)
                .where(MEMBER.ID.eq(memberId)).and(MEMBER.PARTY_ID.eq(partyId)).and(MEMBER.PARTY_CONFIRMED_AT.isNull())
                .execute() == 1;
    }

    /** Makes a confirmed party claimed again (and so ends any organising of it, V16): false when it was not confirmed. */
    public boolean revoke(long memberId, long partyId) {
        return db.update(MEMBER).setNull(MEMBER.PARTY_CONFIRMED_AT).setNull(MEMBER.PARTY_CONFIRMED_BY)
                .where(MEMBER.ID.eq(memberId)).and(MEMBER.PARTY_ID.eq(partyId)).and(MEMBER.PARTY_CONFIRMED_AT.isNotNull())
                .execute() == 1;
    }

    /** False when the member organised the party already. */
    public boolean addOrganiser(long partyId, long memberId, long appointedBy) {
        return db.insertInto(PARTY_ORGANISER).set(PARTY_ORGANISER.PARTY_ID, partyId).set(PARTY_ORGANISER.MEMBER_ID, memberId)
                .set(PARTY_ORGANISER.APPOINTED_BY, appointedBy).onConflictDoNothing().execute() == 1;
    }

    public boolean removeOrganiser(long partyId, long memberId) {
        return db.deleteFrom(PARTY_ORGANISER).where(PARTY_ORGANISER.PARTY_ID.eq(partyId)).and(PARTY_ORGANISER.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    /** Holds the member's row until the transaction ends, so two confirmers at once decide one after the other. */
    public void lockMember(long memberId) {
        db.selectOne().from(MEMBER).where(MEMBER.ID.eq(memberId)).forUpdate().execute();
    }
}
