package org.commonground.publishing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.commonground.publishing.document.DocumentXhtml;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The public pages of published documents, rendered once and kept by slug. A page changes only when a correction
 * supersedes it (the notice at its top), so a kept page is re-checked against the database at most every few
 * seconds (that is how another app instance's correction reaches this one) and re-rendered only when its ETag changes.
 */
@Component
class PublicPages {

    static final long RECHECK_NANOS = 5_000_000_000L;
    private static final int MAX_KEPT = 2_000;

    /** A rendered page: its ETag names the published content and whether it has been superseded. */
    record Page(Publication publication, String etag, byte[] html, long checkedAt) {
    }

    private final PublishingService publishing;
    private final Map<String, Page> kept = new ConcurrentHashMap<>();

    PublicPages(PublishingService publishing) {
        this.publishing = publishing;
    }

    Optional<Page> page(String slug) {
        long now = System.nanoTime();
        Page page = kept.get(slug);
        if (page != null && now - page.checkedAt() < RECHECK_NANOS) {
            return Optional.of(page);
        }
        Optional<Publication> found = publishing.published(slug);
        if (found.isEmpty()) {
            kept.remove(slug);
            return Optional.empty();
        }
        Publication p = found.get();
        String etag = etag(p);
        Page fresh = page != null && page.etag().equals(etag) ? new Page(p, etag, page.html(), now) : new Page(p, etag, render(p), now);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(slug, fresh);
        return Optional.of(fresh);
    }

    /** A correction shows on the old version's page here at once; other app instances see it at their next re-check. */
    @TransactionalEventListener
    void published(PublishingService.DocumentPublished event) {
        if (event.superseded() != null) {
            kept.remove(event.superseded());
        }
    }

    static String etag(Publication p) {
        return "\"" + p.fingerprint() + (p.current() ? "" : "-superseded") + "\"";
    }

    private byte[] render(Publication p) {
        String base = publishing.baseUrl();
        DocumentXhtml.PublicPage links = new DocumentXhtml.PublicPage(base + "/p/" + p.slug(), "/p/" + p.slug() + ".pdf", "/p", "/p/verify",
                publishing.verifyAddress(), "/p/assets/", p.publishedAt().toString(),
                p.supersedes() == null ? null : new DocumentXhtml.Link("/p/" + p.supersedes(), "the earlier version"),
                p.supersededBy() == null ? null : new DocumentXhtml.Link("/p/" + p.supersededBy(), "the corrected version"));
        return DocumentXhtml.page(publishing.content(p), p.fingerprint(), links).getBytes(StandardCharsets.UTF_8);
    }
}
