package org.commonground.proposal;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.COMPROMISE_OFFER;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Compromise offers: which amendments a compromise would replace, and how each proposer answered. */
@Repository
public class CompromiseRepository {

    private final DSLContext db;

    CompromiseRepository(DSLContext db) {
        this.db = db;
    }

    /** Every offer made on a proposal, by compromise and then by the number of the amendment it would replace. */
    public List<CompromiseOffer> ofProposal(long proposalId) {
        var compromise = AMENDMENT.as("compromise");
        return db.select(COMPROMISE_OFFER.COMPROMISE_ID, compromise.NUMBER, COMPROMISE_OFFER.AMENDMENT_ID, AMENDMENT.NUMBER,
                        AMENDMENT.PROPOSER_ID, MEMBER.DISPLAY_NAME, PARTY.CODE, PARTY.NAME, PARTY.COLOUR, COMPROMISE_OFFER.ANSWER,
                        COMPROMISE_OFFER.COMMENT)
                .from(COMPROMISE_OFFER)
                .join(compromise).on(compromise.ID.eq(COMPROMISE_OFFER.COMPROMISE_ID))
                .join(AMENDMENT).on(AMENDMENT.ID.eq(COMPROMISE_OFFER.AMENDMENT_ID))
                .join(MEMBER).on(MEMBER.ID.eq(AMENDMENT.PROPOSER_ID))
                .join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .where(compromise.PROPOSAL_ID.eq(proposalId))
                .orderBy(compromise.NUMBER, AMENDMENT.NUMBER)
                .fetch(r -> new CompromiseOffer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), OfferAnswer.valueOf(r.value10()), r.value11()));
    }

    /** The answer given so far to one offer, if the compromise offers to replace that amendment. */
    public Optional<OfferAnswer> answer(long compromiseId, long amendmentId) {
        return db.select(COMPROMISE_OFFER.ANSWER).from(COMPROMISE_OFFER)
                .where(COMPROMISE_OFFER.COMPROMISE_ID.eq(compromiseId)).and(COMPROMISE_OFFER.AMENDMENT_ID.eq(amendmentId))
                .fetchOptional(r -> OfferAnswer.valueOf(r.value1()));
    }

    /** Records the proposer's answer; false if the offer was answered already. */
    public boolean answer(long compromiseId, long amendmentId, OfferAnswer answer, String comment, long by) {
        return db.update(COMPROMISE_OFFER)
                .set(COMPROMISE_OFFER.ANSWER, answer.name())
                .set(COMPROMISE_OFFER.COMMENT, comment)
                .set(COMPROMISE_OFFER.ANSWERED_BY, by)
                .set(COMPROMISE_OFFER.ANSWERED_AT, OffsetDateTime.now())
                .where(COMPROMISE_OFFER.COMPROMISE_ID.eq(compromiseId)).and(COMPROMISE_OFFER.AMENDMENT_ID.eq(amendmentId))
                .and(COMPROMISE_OFFER.ANSWER.eq(OfferAnswer.ASKED.name()))
                .execute() == 1;
    }
}
