package org.commonground.notification;

import java.util.List;

import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's own notifications and email preference; nobody reads or changes another member's. */
@Service
public class NotificationService {

    private final DSLContext db;
    private final CurrentMember currentMember;
    private final UnsubscribeLinks unsubscribe;

    NotificationService(DSLContext db, CurrentMember currentMember, UnsubscribeLinks unsubscribe) {
        this.db = db;
        this.currentMember = currentMember;
        this.unsubscribe = unsubscribe;
    }

    @Transactional(readOnly = true)
    public List<Notification> mine(int limit) {
        SignedInMember me = currentMember.require();
        return db.fetch("select id, kind, text, link, created_at, read_at is not null as read from notification where member_id = ? "
                        + "order by created_at desc, id desc limit ?", me.id(), Math.max(1, Math.min(limit, 500)))
                .map(r -> new Notification(r.get("id", Long.class), r.get("kind", String.class), r.get("text", String.class),
                        r.get("link", String.class), r.get("created_at", java.time.OffsetDateTime.class), r.get("read", Boolean.class)));
    }

    @Transactional(readOnly = true)
    public int unread() {
        return db.fetchValue("select count(*) from notification where member_id = ? and read_at is null", currentMember.require().id()) instanceof Number n
                ? n.intValue() : 0;
    }

    /** Marks one of the caller's notifications read; another member's id changes nothing. */
    @Transactional
    public void markRead(long notificationId) {
        long me = currentMember.require().id();
        if (db.execute("update notification set read_at = now() where id = ? and member_id = ? and read_at is null", notificationId, me) > 0) {
            announceRead(me);
        }
    }

    @Transactional
    public void markAllRead() {
        long me = currentMember.require().id();
        if (db.execute("update notification set read_at = now() where member_id = ? and read_at is null", me) > 0) {
            announceRead(me);
        }
    }

    /** The member's other open pages (on any instance) update their unread count, at commit. */
    private void announceRead(long memberId) {
        db.fetch("select pg_notify('common_ground_live', ?)", "member:" + memberId + ":READ");
    }

    @Transactional(readOnly = true)
    public EmailPreference emailPreference() {
        return EmailPreference.valueOf(db.fetchValue("select email_notifications from member where id = ?", currentMember.require().id()).toString());
    }

    @Transactional
    public void setEmailPreference(EmailPreference preference) {
        db.execute("update member set email_notifications = ? where id = ?", preference.name(), currentMember.require().id());
    }

    /** What an unsubscribe link is worth, changing nothing: its page asks to confirm only if it would work. */
    @Transactional(readOnly = true)
    public UnsubscribeVerdict checkUnsubscribeLink(long memberId, Long issuedDay, String token) {
        return unsubscribe.check(memberId, issuedDay, token);
    }

    /**
     * From a signed link in an email, without signing in: stops all emails, if the link is genuine and not too old.
     *
     * @param issuedDay the day the link was made, counted from 1970-01-01; null for a link from before links had one
     */
    @Transactional
    public UnsubscribeVerdict unsubscribe(long memberId, Long issuedDay, String token) {
        UnsubscribeVerdict verdict = unsubscribe.check(memberId, issuedDay, token);
        if (verdict == UnsubscribeVerdict.GENUINE) {
            db.execute("update member set email_notifications = 'NEVER' where id = ?", memberId);
        }
        return verdict;
    }
}
