package org.commonground.publishing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;

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
    /** The pages kept are bounded by their size, the least recently read going first. */
    private static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;

    /** A rendered page: its ETag names the published content and whether it has been superseded. */
    record Page(Publication publication, String etag, byte[] html, long checkedAt) {
    }

    private final PublishingService publishing;
    private final LinkedHashMap<String, Page> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptBytes;

    PublicPages(PublishingService publishing) {
        this.publishing = publishing;
    }

    Optional<Page> page(String slug) {
        long now = System.nanoTime();
        Page page = kept(slug);
        if (page != null && now - page.checkedAt() < RECHECK_NANOS) {
            return Optional.of(page);
        }
        Optional<Publication> found = publishing.published(slug);
        if (found.isEmpty()) {
            forget(slug);
            return Optional.empty();
        }
        Publication p = found.get();
        String etag = etag(p);
        Page fresh = page != null && page.etag().equals(etag) ? new Page(p, etag, page.html(), now) : new Page(p, etag, render(p), now);
        keep(slug, fresh);
        return Optional.of(fresh);
    }

    private synchronized Page kept(String slug) {
        return kept.get(slug);
    }

    private synchronized void keep(String slug, Page page) {
        Page old = kept.put(slug, page);
        keptBytes += page.html().length - (old == null ? 0 : old.html().length);
        var eldest = kept.entrySet().iterator();
        while (keptBytes > MAX_KEPT_BYTES && eldest.hasNext()) {
            keptBytes -= eldest.next().getValue().html().length;
            eldest.remove();
        }
    }

    private synchronized void forget(String slug) {
        Page old = kept.remove(slug);
        keptBytes -= old == null ? 0 : old.html().length;
    }

    /** A correction shows on the old version's page here at once; other app instances see it at their next re-check. */
    @TransactionalEventListener
    void published(PublishingService.DocumentPublished event) {
        if (event.superseded() != null) {
            forget(event.superseded());
        }
    }

    /** The content's fingerprint, the template's version (a new template makes new pages), and whether it is superseded. */
    static String etag(Publication p) {
        return "\"" + p.fingerprint() + "-t" + DocumentXhtml.TEMPLATE_VERSION + (p.current() ? "" : "-superseded") + "\"";
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
