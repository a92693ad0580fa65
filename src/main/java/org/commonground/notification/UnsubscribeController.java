package org.commonground.notification;

import static org.commonground.publishing.document.DocumentXhtml.escape;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unsubscribe link of every email, without signing in. Opening it asks to confirm (mail scanners follow links,
 * so a GET changes nothing); the button stops all emails. The signed token is the authority, so no session is used.
 */
@RestController
class UnsubscribeController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final NotificationService notifications;

    UnsubscribeController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/unsubscribe")
    ResponseEntity<String> confirm(@RequestParam(defaultValue = "0") long m, @RequestParam(required = false) Long d,
                                   @RequestParam(defaultValue = "") String t) {
        UnsubscribeVerdict verdict = notifications.checkUnsubscribeLink(m, d, t);
        if (verdict != UnsubscribeVerdict.GENUINE) {
            return refusal(verdict);
        }
        return page(HttpStatus.OK, "<h1>Stop emails from Common Ground?</h1>\n<p>You will still see notifications in the app.</p>\n"
                + "<form method=\"post\" action=\"/unsubscribe\"><input type=\"hidden\" name=\"m\" value=\"" + m + "\"/>"
                + (d == null ? "" : "<input type=\"hidden\" name=\"d\" value=\"" + d + "\"/>")
                + "<input type=\"hidden\" name=\"t\" value=\"" + escape(t) + "\"/><button type=\"submit\">Stop all emails</button></form>\n");
    }

    @PostMapping("/unsubscribe")
    ResponseEntity<String> unsubscribe(@RequestParam(defaultValue = "0") long m, @RequestParam(required = false) Long d,
                                       @RequestParam(defaultValue = "") String t) {
        UnsubscribeVerdict verdict = notifications.unsubscribe(m, d, t);
        if (verdict != UnsubscribeVerdict.GENUINE) {
            return refusal(verdict);
        }
        return page(HttpStatus.OK, "<h1>No more emails</h1>\n<p>Common Ground will not email you about notifications any more. "
                + "You can change this under <a href=\"/notifications\">Notifications</a> after signing in.</p>\n");
    }

    private static ResponseEntity<String> refusal(UnsubscribeVerdict verdict) {
        return switch (verdict) {
            case EXPIRED -> page(HttpStatus.GONE, "<h1>This link is too old</h1>\n<p>The links in our emails work for "
                    + UnsubscribeLinks.LIFETIME_DAYS + " days, and this one is older. The link in a recent email works, or "
                    + "<a href=\"/notifications\">sign in and choose under Notifications</a> which emails you get.</p>\n");
            case NOT_GENUINE, GENUINE -> page(HttpStatus.BAD_REQUEST, "<h1>This link does not work</h1>\n<p>It may have been copied incompletely. "
                    + "<a href=\"/notifications\">Sign in and choose under Notifications</a> which emails you get.</p>\n");
        };
    }

    private static ResponseEntity<String> page(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .body("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                        + "<title>Emails · Common Ground</title>\n<link rel=\"stylesheet\" href=\"/p/assets/public.css\"/>\n</head>\n"
                        + "<body class=\"public\">\n<main>\n" + body + "</main>\n</body>\n</html>\n");
    }
}
