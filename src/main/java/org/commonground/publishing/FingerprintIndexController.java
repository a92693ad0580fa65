package org.commonground.publishing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.commonground.publishing.document.Fingerprint;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /p/fingerprints.json}: every version ever published, with its fingerprint and its PDF's SHA-256, so anyone
 * holding a copy (from a static mirror of the site, say) can check it with {@code sha256sum} alone.
 */
@RestController
class FingerprintIndexController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CacheControl CACHE = CacheControl.maxAge(60, TimeUnit.SECONDS).sMaxAge(60, TimeUnit.SECONDS).cachePublic();

    /** One published version. {@code page} and {@code pdf} are paths on the site; superseded versions stay listed. */
    record Entry(String slug, String title, String kind, String group, int version, String publishedAt, boolean current,
                 String supersedes, String supersededBy, String fingerprint, String page, String pdf, String pdfSha256) {
    }

    record Index(String site, String verify, List<Entry> documents) {
    }

    private final PublishingService publishing;

    FingerprintIndexController(PublishingService publishing) {
        this.publishing = publishing;
    }

    @GetMapping("/p/fingerprints.json")
    ResponseEntity<byte[]> index(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        List<Entry> entries = publishing.everyPublished().stream().map(p -> new Entry(p.slug(), p.title(), p.kind(), p.groupName(), p.version(),
                p.publishedAt().toInstant().toString(), p.current(), p.supersedes(), p.supersededBy(), p.fingerprint(), "/p/" + p.slug(),
                "/p/" + p.slug() + ".pdf", p.pdfSha256())).toList();
        byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Index(publishing.baseUrl(), publishing.verifyAddress(), entries));
        String etag = "\"" + Fingerprint.sha256(body) + "\"";
        if (IfNoneMatch.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(new MediaType("application", "json", StandardCharsets.UTF_8)).eTag(etag).cacheControl(CACHE).body(body);
    }
}
