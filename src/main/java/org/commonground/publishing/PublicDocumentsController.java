package org.commonground.publishing;

import static org.commonground.publishing.document.DocumentXhtml.escape;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.commonground.publishing.document.PublicChrome;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import org.commonground.shared.Dates;

/**
 * The public side: published documents as plain HTTP pages anyone can open, link, print and cache, without
 * JavaScript. {@code /p} lists them (with an Atom feed), {@code /p/{slug}} shows one, {@code /p/{slug}.pdf} is the
 * PDF made at publication, and {@code /p/verify} checks a fingerprint or an uploaded PDF.
 */
@RestController
class PublicDocumentsController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** The content behind a slug never changes; only the superseded notice may appear, so pages are revalidated after a minute. */
    private static final CacheControl PAGE_CACHE = CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic();
    private static final CacheControl FILE_CACHE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final PublishingService publishing;
    private final PublicPages pages;
    private final VerifyUploadLimits limits;

    PublicDocumentsController(PublishingService publishing, PublicPages pages, VerifyUploadLimits limits) {
        this.publishing = publishing;
        this.pages = pages;
        this.limits = limits;
    }

    @GetMapping({"/p", "/p/"})
    ResponseEntity<String> list() {
        StringBuilder body = new StringBuilder("<h1>Published documents</h1>\n")
                .append("<p>Proposals agreed and pacts ratified by the groups on Common Ground, newest first. Every document has a fingerprint; ")
                .append("<a href=\"/p/verify\">check a copy</a>. <a href=\"/p/feed.atom\">Atom feed</a> · <a href=\"/p/fingerprints.json\">every fingerprint (JSON)</a></p>\n");
        body.append("<p><a href=\"/p/seats\">Find your constituency</a>: its last result, which party is best placed to win it, and the pacts published for it.</p>\n");
        body.append("<p><a href=\"/p/map\">The map</a> of every constituency, with the published pacts' seats and the target seats.</p>\n");
        body.append("<p><a href=\"/p/what-if\">What if the alliance’s voters backed one candidate?</a> Seat totals from the imported ")
                .append("election results, with transfer rates you choose.</p>\n");
        List<Publication> newest = publishing.newest(200);
        if (newest.isEmpty()) {
            body.append("<p>Nothing has been published yet.</p>\n");
        } else {
            body.append("<ul class=\"documents\">\n");
            for (Publication p : newest) {
                body.append("<li><a href=\"/p/").append(escape(p.slug())).append("\">").append(escape(p.title())).append("</a><br/>")
                        .append(escape(p.kind())).append(" · ").append(escape(p.groupName())).append(" · published ")
                        .append(Dates.day(p.publishedAt().atZoneSameInstant(UK)))
                        .append(p.version() > 1 ? " · correction, version " + p.version() : "")
                        .append(p.current() ? "" : " · <strong>superseded</strong>").append("</li>\n");
            }
            body.append("</ul>\n");
        }
        return ResponseEntity.ok().contentType(HTML).cacheControl(PAGE_CACHE)
                .body(shell("Published documents", "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Published documents\" href=\"/p/feed.atom\"/>\n", body));
    }

    @GetMapping("/p/feed.atom")
    ResponseEntity<String> feed() {
        String base = publishing.baseUrl();
        List<Publication> newest = publishing.newest(50);
        OffsetDateTime updated = newest.isEmpty() ? OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : newest.getFirst().publishedAt();
        StringBuilder atom = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>Common Ground: published documents</title>\n")
                .append("<id>").append(escape(base)).append("/p</id>\n")
                .append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(base)).append("/p/feed.atom\"/>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base)).append("/p\"/>\n")
                .append("<updated>").append(atomTime(updated)).append("</updated>\n");
        for (Publication p : newest) {
            String address = base + "/p/" + p.slug();
            atom.append("<entry>\n<title>").append(escape(p.title())).append("</title>\n")
                    .append("<id>").append(escape(address)).append("</id>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(address)).append("\"/>\n")
                    .append("<link rel=\"enclosure\" type=\"application/pdf\" href=\"").append(escape(address)).append(".pdf\"/>\n")
                    .append("<published>").append(atomTime(p.publishedAt())).append("</published>\n")
                    .append("<updated>").append(atomTime(p.publishedAt())).append("</updated>\n")
                    .append("<author><name>").append(escape(p.groupName())).append("</name></author>\n")
                    .append("<summary>").append(escape(p.kind() + " of " + p.groupName() + (p.version() > 1 ? ", correction (version " + p.version() + ")" : "")
                            + ". Fingerprint (SHA-256) " + p.fingerprint())).append("</summary>\n</entry>\n");
        }
        return ResponseEntity.ok().contentType(ATOM).cacheControl(PAGE_CACHE).body(atom.append("</feed>\n").toString());
    }

    @GetMapping("/p/{name:[a-z0-9-]+(?:\\.pdf)?}")
    ResponseEntity<byte[]> document(@PathVariable String name, @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        if (name.endsWith(".pdf")) {
            return pdf(name.substring(0, name.length() - 4), ifNoneMatch);
        }
        Optional<PublicPages.Page> page = pages.page(name);
        if (page.isEmpty()) {
            return notFound();
        }
        String etag = page.get().etag();
        if (IfNoneMatch.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PAGE_CACHE).build();
        }
        return ResponseEntity.ok().contentType(HTML).eTag(etag).cacheControl(PAGE_CACHE).body(page.get().html());
    }

    private ResponseEntity<byte[]> pdf(String slug, String ifNoneMatch) {
        // The PDF bytes are read only when the client lacks them.
        Optional<Publication> found = publishing.published(slug);
        if (found.isEmpty()) {
            return notFound();
        }
        Publication p = found.get();
        String etag = "\"" + p.pdfSha256() + "\"";
        if (IfNoneMatch.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FILE_CACHE).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).eTag(etag).cacheControl(FILE_CACHE)
                .header("Content-Disposition", ContentDisposition.inline().filename(p.slug() + ".pdf").build().toString())
                .body(publishing.pdf(p));
    }

    @GetMapping("/p/verify")
    ResponseEntity<String> verifyForm(@RequestParam(required = false) String fingerprint, HttpServletRequest request) {
        PublishingService.Verification result = fingerprint == null ? null : publishing.verifyFingerprint(fingerprint);
        return verifyPage(fingerprint, result, request, HttpStatus.OK);
    }

    /**
     * The limits are checked before the upload is read: the part is resolved lazily (application.properties), only
     * when asked for below. Tomcat keeps the part on disk, and the file is checked as a stream.
     */
    @PostMapping("/p/verify")
    ResponseEntity<String> verifyUpload(HttpServletRequest request) throws IOException {
        String address = request.getRemoteAddr();
        Optional<VerifyUploadLimits.Refusal> refused = limits.tryEnter(address);
        if (refused.isPresent()) {
            return refusedUpload(refused.get(), request);
        }
        try {
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            MultipartFile pdf = multipart == null ? null : multipart.getFile("pdf");
            if (pdf == null || pdf.isEmpty()) {
                return verifyPage(null, new PublishingService.Verification(PublishingService.Verdict.INVALID, null, "Choose a PDF file to check."),
                        request, HttpStatus.BAD_REQUEST);
            }
            try (InputStream file = pdf.getInputStream()) {
                return verifyPage(null, publishing.verifyPdf(file), request, HttpStatus.OK);
            }
        } finally {
            limits.leave(address);
        }
    }

    private ResponseEntity<String> refusedUpload(VerifyUploadLimits.Refusal refusal, HttpServletRequest request) {
        String message = switch (refusal) {
            case TOO_MANY_FROM_ADDRESS -> "Too many files have been checked from your address in the last minute. "
                    + "Wait a minute and try again, or check the fingerprint printed on the document instead.";
            case ONE_AT_A_TIME -> "A file from your address is being checked already. Try again once it is done.";
            case ALL_BUSY -> "Too many files are being checked just now. Try again in a few seconds, "
                    + "or check the fingerprint printed on the document instead.";
        };
        // 503 rather than 429 for a refusal that may come often: Tomcat then closes the connection instead of reading
        // the rest of the upload.
        boolean busy = refusal != VerifyUploadLimits.Refusal.TOO_MANY_FROM_ADDRESS;
        return ResponseEntity.status(busy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS).contentType(HTML)
                .cacheControl(CacheControl.noStore()).header("Retry-After", busy ? "5" : "60")
                .body(verifyHtml(null, new PublishingService.Verification(PublishingService.Verdict.INVALID, null, message), request));
    }

    /** Multipart requests are resolved lazily (application.properties), so an upload over the limit arrives here. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> uploadTooLarge(HttpServletRequest request) {
        return verifyPage(null, new PublishingService.Verification(PublishingService.Verdict.INVALID, null,
                "This file is larger than 20 MB; no published PDF is that large."), request, HttpStatus.PAYLOAD_TOO_LARGE);
    }

    private ResponseEntity<String> verifyPage(String fingerprint, PublishingService.Verification result, HttpServletRequest request, HttpStatus status) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(verifyHtml(fingerprint, result, request));
    }

    private String verifyHtml(String fingerprint, PublishingService.Verification result, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder body = new StringBuilder("<h1>Verify a document</h1>\n")
                .append("<p>Every published document has a fingerprint (SHA-256) printed at the foot of each PDF page and of its public page. ")
                .append("Enter one to see whether it belongs to a published document, or upload a PDF to check that it is the file that was published.</p>\n");
        if (result != null) {
            body.append("<div class=\"verdict ").append(result.verdict() == PublishingService.Verdict.MATCH ? "match" : "mismatch")
                    .append("\" role=\"status\"><p><strong>").append(switch (result.verdict()) {
                        case MATCH -> "Verified.";
                        case ALTERED -> "Changed copy.";
                        case UNKNOWN -> "Not found.";
                        case INVALID -> "Cannot check.";
                    }).append("</strong> ").append(escape(result.message())).append("</p>\n");
            Publication p = result.publication();
            if (p != null) {
                body.append("<p><a href=\"/p/").append(escape(p.slug())).append("\">").append(escape(p.title())).append("</a>, ")
                        .append(escape(p.kind().toLowerCase(Locale.ROOT))).append(" of ").append(escape(p.groupName()))
                        .append(", version ").append(p.version()).append(", published ").append(Dates.day(p.publishedAt().atZoneSameInstant(UK)))
                        .append(" by ").append(escape(p.publishedBy())).append(".</p>\n<p>Fingerprint: <span class=\"fingerprint\">")
                        .append(escape(p.fingerprint())).append("</span></p>\n");
                if (!p.current()) {
                    body.append("<p><strong>This version has been superseded</strong> by <a href=\"/p/").append(escape(p.supersededBy()))
                            .append("\">a correction</a>.</p>\n");
                }
            }
            body.append("</div>\n");
        }
        body.append("<form class=\"verify\" method=\"get\" action=\"/p/verify\">\n<label for=\"fingerprint\">Fingerprint</label>\n")
                .append("<input type=\"text\" id=\"fingerprint\" name=\"fingerprint\" maxlength=\"200\" autocomplete=\"off\" spellcheck=\"false\" value=\"")
                .append(escape(fingerprint == null ? "" : fingerprint)).append("\"/>\n<button type=\"submit\">Check the fingerprint</button>\n</form>\n")
                // The token goes in the address: the CSRF check runs before the multipart body is read, and an oversized
                // body is never read at all.
                .append("<form class=\"verify\" method=\"post\" action=\"/p/verify").append(csrf == null ? "" : "?" + escape(csrf.getParameterName())
                        + "=" + escape(java.net.URLEncoder.encode(csrf.getToken(), StandardCharsets.UTF_8)))
                .append("\" enctype=\"multipart/form-data\">\n")
                .append("<label for=\"pdf\">PDF file (at most 20 MB)</label>\n<input type=\"file\" id=\"pdf\" name=\"pdf\" accept=\"application/pdf\"/>\n");
        body.append("<button type=\"submit\">Check the file</button>\n</form>\n");
        return shell("Verify a document", "", body);
    }

    private ResponseEntity<byte[]> notFound() {
        String html = shell("Not found", "", new StringBuilder("<h1>Not found</h1>\n<p>Nothing is published at this address. ")
                .append("<a href=\"/p\">See everything published</a>.</p>\n"));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(html.getBytes(StandardCharsets.UTF_8));
    }

    /** The page around the list, the verification form and "not found": the public pages' styles, header and footer. */
    private String shell(String title, String head, CharSequence body) {
        PublicChrome chrome = new PublicChrome("/p", "/p/verify", publishing.verifyAddress(), "/p/assets/");
        return PublicChrome.START + "<title>" + escape(title) + " · Common Ground</title>\n" + chrome.stylesheets() + head
                + chrome.header() + body + chrome.footer("");
    }

    private static String atomTime(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }
}
