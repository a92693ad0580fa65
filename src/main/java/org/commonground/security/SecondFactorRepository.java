package org.commonground.security;

import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.MEMBER_RECOVERY_CODE;
import static org.commonground.jooq.Tables.MEMBER_TOTP;
import static org.commonground.jooq.Tables.USER_CREDENTIALS;
import static org.commonground.jooq.Tables.USER_ENTITIES;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * A member's second factors: their authenticator app's secret, their recovery codes, and the passkeys Spring
 * Security keeps in its own tables, where the user entity's name is the member's email.
 */
@Repository
public class SecondFactorRepository {

    private final DSLContext db;

    public SecondFactorRepository(DSLContext db) {
        this.db = db;
    }

    public record TotpSecret(byte[] secret, long lastUsedStep) {
    }

    public Optional<TotpSecret> totp(long memberId) {
        return db.select(MEMBER_TOTP.SECRET, MEMBER_TOTP.LAST_USED_STEP).from(MEMBER_TOTP)
                .where(MEMBER_TOTP.MEMBER_ID.eq(memberId))
                .fetchOptional(r -> new TotpSecret(r.value1(), r.value2()));
    }

    /** Replaces any earlier secret. */
    public void saveTotp(long memberId, byte[] secret, long usedStep) {
        db.insertInto(MEMBER_TOTP).set(MEMBER_TOTP.MEMBER_ID, memberId).set(MEMBER_TOTP.SECRET, secret)
                .set(MEMBER_TOTP.LAST_USED_STEP, usedStep)
                .onConflict(MEMBER_TOTP.MEMBER_ID).doUpdate()
                .set(MEMBER_TOTP.SECRET, secret).set(MEMBER_TOTP.LAST_USED_STEP, usedStep).set(MEMBER_TOTP.CREATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /**
     * Records that the code of {@code step} was used, unless that step (or a later one) already was: false then, so
     * two requests racing with one code cannot both pass.
     */
    public boolean useTotpStep(long memberId, long step) {
        return db.update(MEMBER_TOTP).set(MEMBER_TOTP.LAST_USED_STEP, step)
                .where(MEMBER_TOTP.MEMBER_ID.eq(memberId)).and(MEMBER_TOTP.LAST_USED_STEP.lt(step)).execute() == 1;
    }

    public boolean deleteTotp(long memberId) {
        return db.deleteFrom(MEMBER_TOTP).where(MEMBER_TOTP.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    public int unusedRecoveryCodes(long memberId) {
        return db.fetchCount(MEMBER_RECOVERY_CODE, MEMBER_RECOVERY_CODE.MEMBER_ID.eq(memberId).and(MEMBER_RECOVERY_CODE.USED_AT.isNull()));
    }

    /** Replaces every earlier code, used or not. */
    public void replaceRecoveryCodes(long memberId, List<String> hashes) {
        deleteRecoveryCodes(memberId);
        db.batch(hashes.stream().map(hash -> db.insertInto(MEMBER_RECOVERY_CODE)
                .set(MEMBER_RECOVERY_CODE.MEMBER_ID, memberId).set(MEMBER_RECOVERY_CODE.CODE_HASH, hash)).toList()).execute();
    }

    public void deleteRecoveryCodes(long memberId) {
        db.deleteFrom(MEMBER_RECOVERY_CODE).where(MEMBER_RECOVERY_CODE.MEMBER_ID.eq(memberId)).execute();
    }

    /** Marks the member's code with this hash used, unless it already was: false then, so a code works once even when raced. */
    public boolean useRecoveryCode(long memberId, String hash, OffsetDateTime at) {
        return db.update(MEMBER_RECOVERY_CODE).set(MEMBER_RECOVERY_CODE.USED_AT, at)
                .where(MEMBER_RECOVERY_CODE.MEMBER_ID.eq(memberId)).and(MEMBER_RECOVERY_CODE.CODE_HASH.eq(hash))
                .and(MEMBER_RECOVERY_CODE.USED_AT.isNull()).execute() == 1;
    }

    /** Who to write to about a member's account, and the hash their password must match to change its factors. */
    public record Holder(long id, String email, String displayName, boolean admin, String passwordHash) {
    }

    /** As {@link #holder}, with the member's row locked until the transaction ends. */
    public Optional<Holder> lockedHolder(long memberId) {
        return db.select(MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME, MEMBER.ADMIN, MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(memberId)).forUpdate().fetchOptional(r -> new Holder(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<Holder> holder(long memberId) {
        return db.select(MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME, MEMBER.ADMIN, MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(memberId)).fetchOptional(r -> new Holder(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** {@code added}: the day Spring Security saved it (in the server's time zone, as it writes it). */
    public record Passkey(String credentialId, String label, LocalDate added) {
    }

    public List<Passkey> passkeys(long memberId) {
        return db.select(USER_CREDENTIALS.CREDENTIAL_ID, USER_CREDENTIALS.LABEL, USER_CREDENTIALS.CREATED)
                .from(USER_CREDENTIALS).join(USER_ENTITIES).on(USER_ENTITIES.ID.eq(USER_CREDENTIALS.USER_ENTITY_USER_ID))
                .where(ownedBy(memberId))
                .orderBy(USER_CREDENTIALS.CREATED)
                .fetch(r -> new Passkey(r.value1(), r.value2(), r.value3() == null ? null : r.value3().toLocalDate()));
    }

    public boolean deletePasskey(long memberId, String credentialId) {
        return db.deleteFrom(USER_CREDENTIALS).where(USER_CREDENTIALS.CREDENTIAL_ID.eq(credentialId))
                .and(USER_CREDENTIALS.USER_ENTITY_USER_ID.in(DSL.select(USER_ENTITIES.ID).from(USER_ENTITIES).where(ownedBy(memberId))))
                .execute() == 1;
    }

    public boolean hasAny(long memberId) {
        return db.fetchExists(MEMBER_TOTP, MEMBER_TOTP.MEMBER_ID.eq(memberId))
                || db.fetchExists(DSL.selectOne().from(USER_CREDENTIALS).join(USER_ENTITIES)
                        .on(USER_ENTITIES.ID.eq(USER_CREDENTIALS.USER_ENTITY_USER_ID)).where(ownedBy(memberId)));
    }

    /** The member whose email a passkey's user entity is named by. */
    public Optional<Long> memberByPasskeyUser(String userEntityId) {
        return db.select(MEMBER.ID).from(MEMBER).join(USER_ENTITIES).on(DSL.lower(USER_ENTITIES.NAME).eq(DSL.lower(MEMBER.EMAIL)))
                .where(USER_ENTITIES.ID.eq(userEntityId)).fetchOptional(MEMBER.ID);
    }

    private static Condition ownedBy(long memberId) {
        return DSL.lower(USER_ENTITIES.NAME).eq(DSL.select(DSL.lower(MEMBER.EMAIL)).from(MEMBER).where(MEMBER.ID.eq(memberId)).asField());
    }
}
