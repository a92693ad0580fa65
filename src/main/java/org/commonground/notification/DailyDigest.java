package org.commonground.notification;

import java.util.List;

import org.commonground.mail.Outbox;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, one email per member who chose the daily digest, with what they were told and not yet emailed. Each
 * member's digest is its own transaction, so one that fails is logged, leaves that member's notifications to the next
 * run and never holds back anyone else's; the next run, a day later, still takes them, as it looks back two days
 * (and no further, so a member who turns the digest on is not sent an old backlog). Marking and collecting are one
 * statement, so two app instances running it at once never send a notification twice.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    /** Below the outbox's 20,000-character body limit, with room for the closing lines. */
    static final int BODY_BUDGET = 18_000;

    private final DSLContext db;
    private final Outbox outbox;
    private final UnsubscribeLinks unsubscribe;
    private final String baseUrl;
    private final TransactionTemplate eachMember;

    DailyDigest(DSLContext db, Outbox outbox, UnsubscribeLinks unsubscribe,
            @Value("${commonground.base-url}") String baseUrl, PlatformTransactionManager transactions) {
        this.db = db;
        this.outbox = outbox;
        this.unsubscribe = unsubscribe;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.eachMember = new TransactionTemplate(transactions);
    }

    /** Returns how many digests were queued. */
    @Scheduled(cron = "${commonground.mail.digest-cron:0 0 7 * * *}", zone = "Europe/London")
    public int send() {
        int sent = 0;
        for (Long memberId : db.fetchValues("""
                select distinct n.member_id from notification n join member m on m.id = n.member_id
                where m.email_notifications = 'DAILY' and n.emailed_at is null
                  and n.created_at > now() - interval '2 days'""").stream().map(Long.class::cast).toList()) {
            try {
                if (Boolean.TRUE.equals(eachMember.execute(status -> sendTo(memberId)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.error("The daily digest of member {} failed; its notifications wait for the next run", memberId, e);
            }
        }
        return sent;
    }

    private boolean sendTo(long memberId) {
        List<Record> items = db.fetch("""
                with emailed as (
                  update notification n set emailed_at = now() from member m
                  where m.id = n.member_id and n.member_id = ? and m.email_notifications = 'DAILY'
                    and n.emailed_at is null and n.created_at > now() - interval '2 days'
                  returning m.email, n.text, n.link, n.created_at)
                select * from emailed order by created_at""", memberId);
        if (items.isEmpty()) {
            return false; // another instance sent it meanwhile
        }
        outbox.enqueue(items.getFirst().get("email", String.class), "Common Ground: your daily digest (" + items.size()
                + (items.size() == 1 ? " notification)" : " notifications)"), body(memberId, items));
        return true;
    }

    /** Every item that fits the budget, then how many more there are and where to read them. */
    private String body(long memberId, List<Record> items) {
        StringBuilder body = new StringBuilder("What happened in your groups since yesterday:\n\n");
        int shown = 0;
        for (Record r : items) {
            String item = "- " + r.get("text", String.class) + "\n  " + baseUrl + '/' + r.get("link", String.class) + '\n';
            if (body.length() + item.length() > BODY_BUDGET) {
                break;
            }
            body.append(item);
            shown++;
        }
        if (shown < items.size()) {
            body.append("\n… and ").append(items.size() - shown).append(" more — see your notifications page: ")
                    .append(baseUrl).append("/notifications\n");
        }
        body.append("\n--\nYou get one email a day. Change this under Notifications: ").append(baseUrl).append("/notifications\n")
                .append("Stop all emails from Common Ground, without signing in: ").append(unsubscribe.link(memberId)).append('\n');
        return body.toString();
    }
}
