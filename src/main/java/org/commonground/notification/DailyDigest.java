package org.commonground.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.mail.Outbox;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, one email per member who chose the daily digest, with what they were told in the last day and not
 * yet emailed. Marking and collecting are one statement, so two app instances running it at once never send
 * a notification twice.
 */
@Component
class DailyDigest {

    private final DSLContext db;
    private final Outbox outbox;
    private final UnsubscribeLinks unsubscribe;
    private final String baseUrl;

    DailyDigest(DSLContext db, Outbox outbox, UnsubscribeLinks unsubscribe, @Value("${commonground.base-url}") String baseUrl) {
        this.db = db;
        this.outbox = outbox;
        this.unsubscribe = unsubscribe;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Scheduled(cron = "${commonground.mail.digest-cron:0 0 7 * * *}", zone = "Europe/London")
    @Transactional
    public int send() {
        Map<Long, List<Record>> byMember = new LinkedHashMap<>();
        for (Record r : db.fetch("""
                update notification n set emailed_at = now() from member m
                where m.id = n.member_id and m.email_notifications = 'DAILY' and n.emailed_at is null
                  and n.created_at > now() - interval '1 day'
                returning n.member_id, m.email, n.text, n.link, n.created_at""")) {
            byMember.computeIfAbsent(r.get("member_id", Long.class), id -> new java.util.ArrayList<>()).add(r);
        }
        byMember.forEach((memberId, items) -> {
            items.sort(java.util.Comparator.comparing(r -> r.get("created_at", java.time.OffsetDateTime.class)));
            StringBuilder body = new StringBuilder("What happened in your groups since yesterday:\n\n");
            for (Record r : items) {
                body.append("- ").append(r.get("text", String.class)).append("\n  ").append(baseUrl).append('/').append(r.get("link", String.class)).append('\n');
            }
            body.append("\n--\nYou get one email a day. Change this under Notifications: ").append(baseUrl).append("/notifications\n")
                    .append("Stop all emails from Common Ground, without signing in: ").append(unsubscribe.link(memberId)).append('\n');
            outbox.enqueue(items.getFirst().get("email", String.class), "Common Ground: your daily digest (" + items.size()
                    + (items.size() == 1 ? " notification)" : " notifications)"), body.toString());
        });
        return byMember.size();
    }
}
