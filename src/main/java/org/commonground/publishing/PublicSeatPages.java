package org.commonground.publishing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.commonground.election.PartyPalette;
import org.commonground.election.PublicElectionService;
import org.commonground.election.PublicSeat;
import org.commonground.publishing.document.Fingerprint;
import org.commonground.publishing.document.PublicChrome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The public seat pages and searches, rendered once and kept. They show the published setting, its election's results
 * and the published pacts, so all of them go when any of those changes: at once on this instance (after the commit of a
 * publication, a correction or a new setting), and on other instances at their next re-check of those, every few
 * seconds, as {@link PublicPages} does.
 */
@Component
class PublicSeatPages {

    static final long RECHECK_NANOS = PublicPages.RECHECK_NANOS;
    /** Searches are kept too (a rush searches the same few names), so what is kept is bounded by size, least recently read going first. */
    private static final long MAX_KEPT_BYTES = 32L * 1024 * 1024;

    /** A rendered page: 200 with its ETag, or 404 (never kept). */
    record Page(int status, String etag, byte[] html) {
    }

    private final PublicElectionService seats;
    private final PublishedPacts pacts;
    private final PublishingService publishing;
    private final PartyPalette palette;
    private final LinkedHashMap<String, Page> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptBytes;
    private String version;
    private long generation;
    private long checkedAt;

    PublicSeatPages(PublicElectionService seats, PublishedPacts pacts, PublishingService publishing,
                    PartyPalette palette) {
        this.seats = seats;
        this.pacts = pacts;
        this.publishing = publishing;
        this.palette = palette;
    }

    Page seat(String onsCode) {
        return page("seat " + onsCode, () -> {
            Optional<PublicSeat> seat = seats.seat(onsCode);
            if (seat.isEmpty()) {
                return null;
            }
            List<PublishedPacts.SeatPact> covering = pacts.forSeat(seat.get().onsCode());
            return SeatPageHtml.page(seat.get(), covering, palette.colours(), publishing.baseUrl(), chrome());
        }, () -> SeatSearchHtml.notFound(onsCode, chrome()));
    }

    /**
     * The page kept under this address, if it is kept and need not be re-checked yet; null otherwise, when only the
     * full path (which re-checks and renders) may answer. Reads nothing from the database.
     */
    Page keptNow(String path) {
        String key = path.equals("/p/map") ? "map" : path.startsWith("/p/seats/") ? "seat " + path.substring("/p/seats/".length()) : null;
        if (key == null) {
            return null;
        }
        synchronized (this) {
            return version != null && System.nanoTime() - checkedAt < RECHECK_NANOS ? kept.get(key) : null;
        }
    }

    Page map() {
        return page("map", () -> PublicMapHtml.page(seats.map(), pacts.bySeat(), chrome()), null);
    }

    Page search(String query) {
        String q = query == null ? "" : query.strip();
        return page("search " + q, () -> SeatSearchHtml.page(q, q.isEmpty() ? List.of() : seats.search(q), seats.current().orElse(null), chrome()), null);
    }

    private Page page(String key, Supplier<String> render, Supplier<String> notFound) {
        recheck();
        long generation = generation();
        Page page = kept(key);
        if (page != null) {
            return page;
        }
        String html = render.get();
        if (html == null) {
            return new Page(404, null, notFound.get().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        Page fresh = new Page(200, "\"s" + Fingerprint.sha256(bytes).substring(0, 24) + "\"", bytes);
        keep(key, fresh, generation);
        return fresh;
    }

    /** Forgets every page when what they show has changed since the last check (another instance's publication, say). */
    private void recheck() {
        long now = System.nanoTime();
        synchronized (this) {
            if (version != null && now - checkedAt < RECHECK_NANOS) {
                return;
            }
            checkedAt = now;
        }
        String current = seats.version() + "/" + pacts.version();
        synchronized (this) {
            if (!current.equals(version)) {
                kept.clear();
                keptBytes = 0;
                generation++;
                version = current;
            }
        }
    }

    private synchronized Page kept(String key) {
        return kept.get(key);
    }

    private synchronized long generation() {
        return generation;
    }

    /** Kept only if nothing was forgotten while it rendered: a page rendered from what has since changed is served once, not kept. */
    private synchronized void keep(String key, Page page, long renderedIn) {
        if (renderedIn != generation) {
            return;
        }
        Page old = kept.put(key, page);
        keptBytes += page.html().length - (old == null ? 0 : old.html().length);
        var eldest = kept.entrySet().iterator();
        while (keptBytes > MAX_KEPT_BYTES && eldest.hasNext()) {
            keptBytes -= eldest.next().getValue().html().length;
            eldest.remove();
        }
    }

    /** Forgets every page now; the next re-check reads the new version. */
    synchronized void forgetAll() {
        kept.clear();
        keptBytes = 0;
        generation++;
        version = null;
    }

    @TransactionalEventListener
    void published(PublishingService.DocumentPublished event) {
        forgetAll();
    }

    @TransactionalEventListener
    void chosen(PublicElectionService.PublicElectionChosen event) {
        forgetAll();
    }

    private PublicChrome chrome() {
        return new PublicChrome("/p", "/p/verify", publishing.verifyAddress(), "/p/assets/");
    }
}
