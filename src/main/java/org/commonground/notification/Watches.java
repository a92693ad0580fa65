package org.commonground.notification;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Who follows which proposal or pact. The proposal and pact services decide who may watch (whoever may read it)
 * and call this; notifications read it.
 */
@Component
public class Watches {

    private final DSLContext db;

    Watches(DSLContext db) {
        this.db = db;
    }

    public void set(long memberId, String subjectType, long subjectId, boolean watching) {
        if (watching) {
            db.execute("insert into watch (member_id, subject_type, subject_id) values (?, ?, ?) on conflict do nothing", memberId, subjectType, subjectId);
        } else {
            db.execute("delete from watch where member_id = ? and subject_type = ? and subject_id = ?", memberId, subjectType, subjectId);
        }
    }

    public boolean watching(long memberId, String subjectType, long subjectId) {
        return db.fetchExists(db.selectOne().from("watch").where("member_id = ? and subject_type = ? and subject_id = ?", memberId, subjectType, subjectId));
    }
}
