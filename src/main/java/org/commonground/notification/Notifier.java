package org.commonground.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.commonground.mail.Outbox;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes notifications and, for members who want them at once, queues their email in the outbox, all in the
 * fan-out's transaction ({@link NoticesAfterCommit}): each notice is written once, with its mail, or not at all. Mail subjects name only the kind of
 * news, never a title or text, since subject lines show on lock screens and in other people's hands.
 */
@Component
class Notifier {

    private final DSLContext db;
    private final Outbox outbox;
    private final UnsubscribeLinks unsubscribe;
    private final String baseUrl;

    Notifier(DSLContext db, Outbox outbox, UnsubscribeLinks unsubscribe, @Value("${commonground.base-url}") String baseUrl) {
        this.db = db;
        this.outbox = outbox;
        this.unsubscribe = unsubscribe;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    static String subject(String kind) {
        return "Common Ground: " + switch (kind) {
            case "REPLY" -> "a reply to your comment";
            case "MENTION" -> "you were mentioned in a comment";
            case "AMENDMENT" -> "an amendment to a proposal you follow";
            case "STATE" -> "news of a proposal or pact you follow";
            case "BALLOT" -> "a ballot in your group";
            case "RATIFICATION" -> "a pact awaits your party's ratification";
            default -> "news";
        };
    }

    /** To each recipient but the one who made the change. */
    void send(Collection<Long> recipients, long actor, String kind, String text, String link) {
        List<Long> to = recipients.stream().distinct().filter(id -> id != actor).toList();
        if (to.isEmpty()) {
            return;
        }
        String shortText = text.length() > 500 ? text.substring(0, 499) + "…" : text;
        // One statement writes every notification, marking at once those whose members want email now, and one batch
        // queues those emails: a ballot opening to thousands of electors stays a few statements in the transaction.
        List<Outbox.Mail> mails = new ArrayList<>();
        for (Record r : db.fetch("""
                insert into notification (member_id, kind, text, link, emailed_at)
                select m.id, ?, ?, ?, case when m.email_notifications = 'IMMEDIATE' then now() end
                from member m where m.id = any(?::bigint[])
                returning member_id, emailed_at is not null as now, (select email from member where id = member_id) as email""",
                kind, shortText, link, to.toArray(Long[]::new))) {
            if (r.get("now", Boolean.class)) {
                long memberId = r.get("member_id", Long.class);
                mails.add(new Outbox.Mail(r.get("email", String.class), subject(kind), mailBody(shortText, link, memberId)));
            }
        }
        outbox.enqueueAll(mails);
    }

    String mailBody(String text, String link, long memberId) {
        return text + "\n\nOpen it: " + baseUrl + "/" + link + "\n\n--\nYou get an email for each notification. Choose a daily digest, or none, under "
                + "Notifications: " + baseUrl + "/notifications\nStop all emails from Common Ground, without signing in: " + unsubscribe.link(memberId) + "\n";
    }
}
