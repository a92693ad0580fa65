package org.commonground.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe links that work without signing in: the member's id and the day the link was made, signed with
 * HMAC-SHA256 under a key kept in the database (so every app instance makes and accepts the same links). The link
 * does one thing only, stop emails, and only for {@link #LIFETIME_DAYS} days, so a link in an old, forwarded or
 * leaked email does not work for ever.
 *
 * <p>Links made before they carried a day (only the id signed) are accepted until {@link #UNDATED_ACCEPTED_UNTIL},
 * the lifetime counted from when dated links came in: a member who got one in the last emails before then keeps
 * as long to use it as a dated link gives, and after that day every link still working is a dated one.
 */
@Component
class UnsubscribeLinks {

    static final int LIFETIME_DAYS = 90;
    static final LocalDate UNDATED_ACCEPTED_UNTIL = LocalDate.of(2027, 3, 5);

    private final DSLContext db;
    private final String baseUrl;
    private final Clock clock;
    private volatile byte[] key;

    UnsubscribeLinks(DSLContext db, @Value("${commonground.base-url}") String baseUrl, Clock clock) {
        this.db = db;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    String link(long memberId) {
        long today = today().toEpochDay();
        return baseUrl + "/unsubscribe?m=" + memberId + "&d=" + today + "&t=" + token(memberId, today);
    }

    /** The signature of a link made on the given day (counted from 1970-01-01); null for an undated one. */
    String token(long memberId, Long issuedDay) {
        return sign("unsubscribe " + memberId + (issuedDay == null ? "" : " " + issuedDay));
    }

    UnsubscribeVerdict check(long memberId, Long issuedDay, String token) {
        // Constant time: how far a guess matches must not show in how long the answer takes.
        if (token == null || !MessageDigest.isEqual(token(memberId, issuedDay).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return UnsubscribeVerdict.NOT_GENUINE;
        }
        LocalDate lastDay = issuedDay == null ? UNDATED_ACCEPTED_UNTIL : LocalDate.ofEpochDay(issuedDay).plusDays(LIFETIME_DAYS);
        return today().isAfter(lastDay) ? UnsubscribeVerdict.EXPIRED : UnsubscribeVerdict.GENUINE;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = (byte[]) db.fetchValue("select value from app_secret where name = 'unsubscribe'");
            key = k;
        }
        return k;
    }
}
