package org.commonground.publishing;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.commonground.election.results.ConstituencyNames;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public seat pages, for a rush of voters in election week: {@code /p/seats} finds a constituency, {@code
 * /p/seats/{ONS code}} shows it, {@code /p/map} shows them all with the published pacts and target seats. Plain HTML without session or script, kept in memory ({@link PublicSeatPages}), with
 * ETags and a shared-cache lifetime so that a proxy or CDN in front answers most requests.
 */
@RestController
class PublicSeatsController {

    /** A page changes only when something is published or the setting changes: browsers revalidate after a minute, shared caches after five. */
    static final CacheControl SEAT_CACHE = CacheControl.maxAge(60, TimeUnit.SECONDS).sMaxAge(300, TimeUnit.SECONDS).cachePublic();

    private final PublicSeatPages pages;

    PublicSeatsController(PublicSeatPages pages) {
        this.pages = pages;
    }

    @GetMapping("/p/seats")
    ResponseEntity<byte[]> search(@RequestParam(required = false) String q, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        if (q != null && q.length() > 200) {
            q = q.substring(0, 200);
        }
        return answer(pages.search(q), ifNoneMatch);
    }

    @GetMapping("/p/map")
    ResponseEntity<byte[]> map(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        return answer(pages.map(), ifNoneMatch);
    }

    @GetMapping("/p/seats/{code}")
    ResponseEntity<byte[]> seat(@PathVariable String code, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        String canonical = ConstituencyNames.onsCode(code);
        if (canonical != null && !canonical.equals(code)) {
            // One address per seat (shared links and caches): "e14001131" leads to "E14001131".
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/p/seats/" + canonical)).cacheControl(SEAT_CACHE).build();
        }
        return answer(pages.seat(code), ifNoneMatch);
    }

    private static ResponseEntity<byte[]> answer(PublicSeatPages.Page page, String ifNoneMatch) {
        if (page.status() == 404) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PublicDocumentsController.HTML)
                    .cacheControl(CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic()).body(page.html());
        }
        if (IfNoneMatch.matches(ifNoneMatch, page.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(page.etag()).cacheControl(SEAT_CACHE).build();
        }
        return ResponseEntity.ok().contentType(PublicDocumentsController.HTML).eTag(page.etag()).cacheControl(SEAT_CACHE).body(page.html());
    }
}
