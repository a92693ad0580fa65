package org.commonground.whatif;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.commonground.publishing.IfNoneMatch;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /p/what-if}: public, without script or session, cacheable by browsers for a minute and by shared caches
 * (a CDN) a little longer; a kept copy is revalidated by its ETag.
 */
@RestController
class WhatIfController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final CacheControl CACHE = CacheControl.maxAge(60, TimeUnit.SECONDS).sMaxAge(300, TimeUnit.SECONDS).cachePublic();

    private final WhatIfPages pages;

    WhatIfController(WhatIfPages pages) {
        this.pages = pages;
    }

    @GetMapping({"/p/what-if", "/p/what-if/"})
    ResponseEntity<byte[]> whatIf(HttpServletRequest request, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        WhatIfPages.Page page = pages.page(request.getParameterMap());
        if (IfNoneMatch.matches(ifNoneMatch, page.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(page.etag()).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(HTML).eTag(page.etag()).cacheControl(CACHE).body(page.html());
    }
}
