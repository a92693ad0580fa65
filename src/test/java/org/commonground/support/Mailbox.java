package org.commonground.support;

import static org.commonground.jooq.Tables.MAIL_OUTBOX;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The mail the app queued, read from its outbox as a member would read their inbox. */
public final class Mailbox {

    private Mailbox() {
    }

    /** The token of the newest link to {@code page} (such as {@code verify-email}) mailed to the address. */
    public static String token(DSLContext db, String email, String page) {
        Pattern link = Pattern.compile("/" + Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)");
        for (String body : db.select(MAIL_OUTBOX.BODY).from(MAIL_OUTBOX).where(DSL.lower(MAIL_OUTBOX.RECIPIENT).eq(email.toLowerCase()))
                .orderBy(MAIL_OUTBOX.ID.desc()).fetch(MAIL_OUTBOX.BODY)) {
            Matcher found = link.matcher(body);
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new AssertionError("No " + page + " link was mailed to " + email);
    }
}
