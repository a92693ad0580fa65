package org.commonground.ballot;

import static org.commonground.jooq.Tables.AMENDMENT;

import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Where each amendment stands in its proposal's voting list, as a convenor ordered it. */
@Repository
public class VotingOrderRepository {

    private final DSLContext db;

    VotingOrderRepository(DSLContext db) {
        this.db = db;
    }

    /** Places the amendments {@code amendmentIds} of the proposal at positions 1, 2, … in that order. */
    public void place(long proposalId, List<Long> amendmentIds) {
        var updates = new java.util.ArrayList<org.jooq.Query>();
        for (int i = 0; i < amendmentIds.size(); i++) {
            updates.add(db.update(AMENDMENT).set(AMENDMENT.VOTE_POSITION, i + 1)
                    .where(AMENDMENT.ID.eq(amendmentIds.get(i))).and(AMENDMENT.PROPOSAL_ID.eq(proposalId)));
        }
        db.batch(updates).execute();
    }
}
