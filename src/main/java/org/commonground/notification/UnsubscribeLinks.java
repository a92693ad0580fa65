package org.commonground.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe links that work without signing in: the member's id signed with HMAC-SHA256 under a key kept in the
 * database (so every app instance makes and accepts the same links). The link does one thing only: stop emails.
 */
@Component
class UnsubscribeLinks {

    private final DSLContext db;
    private final String baseUrl;
    private volatile byte[] key;

    UnsubscribeLinks(DSLContext db, @Value("${commonground.base-url}") String baseUrl) {
        this.db = db;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    String link(long memberId) {
        return baseUrl + "/unsubscribe?m=" + memberId + "&t=" + token(memberId);
    }

    String token(long memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("unsubscribe " + memberId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    boolean valid(long memberId, String token) {
        // Constant time: how far a guess matches must not show in how long the answer takes.
        return token != null && MessageDigest.isEqual(token(memberId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
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
