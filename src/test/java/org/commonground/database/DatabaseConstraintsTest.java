package org.commonground.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The schema refuses what the forms refuse, so no code path can store a half-made or duplicate record. */
@IntegrationTest
class DatabaseConstraintsTest {

    @Autowired
    DSLContext db;

    private long labour() {
        return db.select(PARTY.ID).from(PARTY).where(PARTY.CODE.eq("LAB")).fetchOne(PARTY.ID);
    }

    private int insertMember(String email, String name) {
        return db.insertInto(MEMBER).set(MEMBER.EMAIL, email).set(MEMBER.DISPLAY_NAME, name)
                .set(MEMBER.PARTY_ID, labour()).set(MEMBER.PASSWORD_HASH, "$argon2id$v=19$placeholder-hash").execute();
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        String email = TestMembers.uniqueEmail("Case");
        insertMember(email, "One");
        assertThatThrownBy(() -> insertMember(email.toUpperCase(), "Two")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void lengthsAndFormatsAreChecked() {
        assertThatThrownBy(() -> insertMember(TestMembers.uniqueEmail("Long"), "x".repeat(10_000)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertMember("no-at-sign", "Name")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertMember(TestMembers.uniqueEmail("Blank"), "   ")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theAuditTrailIsAppendOnly() {
        db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.ACTION, "TEST").set(AUDIT_EVENT.SUBJECT_TYPE, "test").execute();
        assertThatThrownBy(() -> db.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, "rewritten").execute())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.deleteFrom(AUDIT_EVENT).execute()).hasMessageContaining("append-only");
    }
}
