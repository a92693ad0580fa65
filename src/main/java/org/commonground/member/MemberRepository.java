package org.commonground.member;

import static org.commonground.jooq.Tables.EMAIL_VERIFICATION_TOKEN;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PASSWORD_RESET_TOKEN;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    private final DSLContext db;

    public MemberRepository(DSLContext db) {
        this.db = db;
    }

    /** The new member's id; empty when the address has an account already (in any letter case). */
    public Optional<Long> insert(String email, String displayName, long partyId, String passwordHash, boolean admin) {
        return db.insertInto(MEMBER)
                .set(MEMBER.EMAIL, email)
                .set(MEMBER.DISPLAY_NAME, displayName)
                .set(MEMBER.PARTY_ID, partyId)
                .set(MEMBER.PASSWORD_HASH, passwordHash)
                .set(MEMBER.ADMIN, admin)
                .onConflictDoNothing()
                .returning(MEMBER.ID).fetchOptional(MEMBER.ID);
    }

    public Optional<Member> findByEmail(String email) {
        return db.select(MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME, MEMBER.PARTY_ID, MEMBER.ADMIN)
                .from(MEMBER).where(DSL.lower(MEMBER.EMAIL).eq(email.strip().toLowerCase()))
                .fetchOptional(MemberRepository::toMember);
    }

    public Optional<Member> findById(long id) {
        return db.select(MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME, MEMBER.PARTY_ID, MEMBER.ADMIN)
                .from(MEMBER).where(MEMBER.ID.eq(id))
                .fetchOptional(MemberRepository::toMember);
    }

    public boolean anyAdmin() {
        return db.fetchExists(MEMBER, MEMBER.ADMIN.isTrue());
    }

    public long count() {
        return db.fetchCount(MEMBER);
    }

    public void makeAdmin(long id) {
        db.update(MEMBER).set(MEMBER.ADMIN, true).where(MEMBER.ID.eq(id)).execute();
    }

    /** Sets a new password; sessions that signed in before {@code now} end on their next request. */
    public void updatePassword(long id, String passwordHash, OffsetDateTime now) {
        db.update(MEMBER).set(MEMBER.PASSWORD_HASH, passwordHash).set(MEMBER.CREDENTIALS_CHANGED_AT, now).where(MEMBER.ID.eq(id)).execute();
    }

    /** Serialises the "first account becomes admin" decision between concurrent registrations. */
    public void lockAdminElection() {
        db.execute("select pg_advisory_xact_lock(4242001)");
    }

    public void insertResetToken(long memberId, String tokenHash, OffsetDateTime expiresAt) {
        db.insertInto(PASSWORD_RESET_TOKEN)
                .set(PASSWORD_RESET_TOKEN.MEMBER_ID, memberId)
                .set(PASSWORD_RESET_TOKEN.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Marks an unused, unexpired token used and returns its member, atomically, so a link works exactly once. */
    public Optional<Long> consumeResetToken(String tokenHash, OffsetDateTime now) {
        return db.update(PASSWORD_RESET_TOKEN)
                .set(PASSWORD_RESET_TOKEN.USED_AT, now)
                .where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(PASSWORD_RESET_TOKEN.USED_AT.isNull())
                .and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(now))
                .returning(PASSWORD_RESET_TOKEN.MEMBER_ID)
                .fetchOptional(PASSWORD_RESET_TOKEN.MEMBER_ID);
    }

    public boolean resetTokenUsable(String tokenHash, OffsetDateTime now) {
        return db.fetchExists(PASSWORD_RESET_TOKEN, PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash)
                .and(PASSWORD_RESET_TOKEN.USED_AT.isNull()).and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(now)));
    }

    /** Once a password is reset, other outstanding links for the account stop working. */
    public void expireResetTokens(long memberId, OffsetDateTime now) {
        db.update(PASSWORD_RESET_TOKEN).set(PASSWORD_RESET_TOKEN.USED_AT, now)
                .where(PASSWORD_RESET_TOKEN.MEMBER_ID.eq(memberId)).and(PASSWORD_RESET_TOKEN.USED_AT.isNull())
                .execute();
    }

    public void lockForUpdate(long id) {
        db.selectOne().from(MEMBER).where(MEMBER.ID.eq(id)).forUpdate().execute();
    }

    public boolean isVerified(long id) {
        return db.fetchExists(MEMBER, MEMBER.ID.eq(id).and(MEMBER.EMAIL_VERIFIED_AT.isNotNull()));
    }

    /** Marks the address verified, once: false when it already was. */
    public boolean markVerified(long id, OffsetDateTime at) {
        return db.update(MEMBER).set(MEMBER.EMAIL_VERIFIED_AT, at)
                .where(MEMBER.ID.eq(id)).and(MEMBER.EMAIL_VERIFIED_AT.isNull()).execute() == 1;
    }

    public void insertVerificationToken(long memberId, String email, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        db.insertInto(EMAIL_VERIFICATION_TOKEN)
                .set(EMAIL_VERIFICATION_TOKEN.MEMBER_ID, memberId)
                .set(EMAIL_VERIFICATION_TOKEN.EMAIL, email)
                .set(EMAIL_VERIFICATION_TOKEN.TOKEN_HASH, tokenHash)
                .set(EMAIL_VERIFICATION_TOKEN.CREATED_AT, createdAt)
                .set(EMAIL_VERIFICATION_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Verification links sent to the member at or after {@code since}, newest first. */
    public List<OffsetDateTime> verificationLinksSentSince(long memberId, OffsetDateTime since) {
        return db.select(EMAIL_VERIFICATION_TOKEN.CREATED_AT).from(EMAIL_VERIFICATION_TOKEN)
                .where(EMAIL_VERIFICATION_TOKEN.MEMBER_ID.eq(memberId)).and(EMAIL_VERIFICATION_TOKEN.CREATED_AT.ge(since))
                .orderBy(EMAIL_VERIFICATION_TOKEN.CREATED_AT.desc())
                .fetch(EMAIL_VERIFICATION_TOKEN.CREATED_AT);
    }

    /**
     * Marks an unused, unexpired link used and returns its member, atomically, so a link works once; only while
     * the account still has the address the link went to.
     */
    public Optional<Long> consumeVerificationToken(String tokenHash, OffsetDateTime now) {
        return db.update(EMAIL_VERIFICATION_TOKEN)
                .set(EMAIL_VERIFICATION_TOKEN.USED_AT, now)
                .from(MEMBER)
                .where(EMAIL_VERIFICATION_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(EMAIL_VERIFICATION_TOKEN.USED_AT.isNull())
                .and(EMAIL_VERIFICATION_TOKEN.EXPIRES_AT.gt(now))
                .and(MEMBER.ID.eq(EMAIL_VERIFICATION_TOKEN.MEMBER_ID))
                .and(DSL.lower(MEMBER.EMAIL).eq(DSL.lower(EMAIL_VERIFICATION_TOKEN.EMAIL)))
                .returning(EMAIL_VERIFICATION_TOKEN.MEMBER_ID)
                .fetchOptional(EMAIL_VERIFICATION_TOKEN.MEMBER_ID);
    }

    private static Member toMember(Record5<Long, String, String, Long, Boolean> r) {
        return new Member(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());
    }
}
