package org.commonground.publishing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.ObjectMapper;

/**
 * The public site written out as static files for any web server or CDN: read over HTTP from a running app, page by
 * page, following every link under {@code /p} from the index and every version the index of fingerprints lists, so
 * whatever the app shows the public is exported as it shows it, and nothing it does not link. A page at {@code /p/x} becomes
 * {@code p/x/index.html}; a file with an extension ({@code .pdf}, {@code .css}, {@code .json}) keeps its name.
 * What a static copy cannot answer (a search, a page with a query, anything outside {@code /p}) is linked to the live
 * app instead, and a form that posts is replaced by a link to its live page.
 */
public final class PublicSiteExport {

    static final String FINGERPRINTS = "/p/fingerprints.json";
    static final List<String> SEEDS = List.of("/p", "/p/feed.atom", FINGERPRINTS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]+)['\"]?\\s*\\)");
    /** Paths copied as files: segments of letters, digits and . _ ~ -, none of them "." or ".." (checked apart). */
    private static final Pattern SAFE_PATH = Pattern.compile("/p(/[A-Za-z0-9._~-]+)*");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");
    /** Bounds the crawl: the public site of the largest instance we imagine is a few thousand pages. */
    private static final int MAX_FILES = 50_000;

    /** What was written: pages (HTML), files in all, their bytes. */
    public record Summary(int pages, int files, long bytes) {
    }

    /** A page of the public site that could not be exported: the export stops rather than leave a hole. */
    public static final class ExportFailedException extends IOException {
        ExportFailedException(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI app;
    private final String liveBase;
    private final Path out;
    private final Deque<String> queue = new ArrayDeque<>();
    /** Every path met, and the page that first linked it (for the message when it does not answer). */
    private final Map<String, String> seen = new LinkedHashMap<>();
    private String current = "the start";
    private int pages;
    private long bytes;

    private PublicSiteExport(URI app, String liveBase, Path out) {
        this.app = app;
        this.liveBase = liveBase.replaceAll("/+$", "");
        this.out = out;
    }

    /**
     * @param app      where to read the site (the app, on this machine)
     * @param liveBase the app's public address, for what only the live app can answer
     * @param out      an empty or new directory
     */
    public static Summary export(URI app, String liveBase, Path out) throws IOException, InterruptedException {
        return new PublicSiteExport(app, liveBase, out).run();
    }

    private Summary run() throws IOException, InterruptedException {
        SEEDS.forEach(this::follow);
        while (!queue.isEmpty()) {
            if (seen.size() > MAX_FILES) {
                throw new ExportFailedException("the public site links more than " + MAX_FILES + " files; stopped.");
            }
            current = queue.removeFirst();
            exportOne(current);
        }
        return new Summary(pages, seen.size(), bytes);
    }

    private void follow(String path) {
        if (copied(path) && seen.putIfAbsent(path, current) == null) {
            queue.addLast(path);
        }
    }

    static boolean copied(String path) {
        return SAFE_PATH.matcher(path).matches() && !DOT_SEGMENT.matcher(path).find();
    }

    private void exportOne(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new ExportFailedException(path + " answered " + response.statusCode() + "; " + seen.get(path) + " links it, so it should be there.");
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        if (type.startsWith("text/html")) {
            body = relinked(path, new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            pages++;
        } else if (type.startsWith("text/css")) {
            followCss(path, new String(body, StandardCharsets.UTF_8));
        } else if (path.equals(FINGERPRINTS)) {
            // Every version ever published, including those no page lists any more (the list shows the newest only).
            JSON.readTree(body).path("documents").forEach(d -> {
                follow(d.path("page").asString(""));
                follow(d.path("pdf").asString(""));
            });
        }
        Path file = out.resolve(fileFor(path)).normalize();
        if (!file.startsWith(out.normalize())) {
            throw new ExportFailedException(path + " would be written outside " + out + ".");
        }
        Files.createDirectories(file.getParent());
        Files.write(file, body);
        bytes += body.length;
    }

    /** {@code /p} → {@code p/index.html}; {@code /p/seats/E14000530} → {@code p/seats/E14000530/index.html}; {@code /p/a.pdf} as it is. */
    static String fileFor(String path) {
        String relative = path.substring(1);
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        return last.contains(".") ? relative : relative + "/index.html";
    }

    /** Links within the static site stay as they are (and are followed); the rest go to the live app. */
    private String relinked(String path, String html) {
        URI page = app.resolve(path);
        Document document = Jsoup.parse(html, page.toString());
        document.outputSettings().prettyPrint(false);
        for (Element form : document.select("form[method=post]")) {
            // A form that posts carries a token for the reader of the live page: a copy's would be refused. The copy
            // leads there instead.
            String action = form.attr("action");
            String target = action.isBlank() ? path : page.resolve(action.strip()).getRawPath();
            form.replaceWith(new Element("p").addClass("live-form").appendElement("a").attr("href", liveBase + target)
                    .text("Use this form on the live site").parent());
        }
        for (Element link : document.select("a[href], link[href], img[src], script[src], source[src], form[action]")) {
            String attribute = link.hasAttr("href") ? "href" : link.hasAttr("src") ? "src" : "action";
            String value = link.attr(attribute);
            if (value.isBlank() || value.startsWith("#")) {
                continue;
            }
            URI target;
            try {
                target = page.resolve(value.strip());
            } catch (IllegalArgumentException notAUri) {
                continue;
            }
            if (!sameServer(target)) {
                continue;
            }
            String targetPath = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            boolean staticCopy = !link.tagName().equals("form") && target.getRawQuery() == null && copied(targetPath);
            if (staticCopy) {
                follow(targetPath);
                link.attr(attribute, targetPath + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment()));
            } else {
                link.attr(attribute, liveBase + targetPath + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                        + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment()));
            }
        }
        return document.outerHtml();
    }

    private void followCss(String path, String css) {
        Matcher url = CSS_URL.matcher(css);
        while (url.find()) {
            URI target = app.resolve(path).resolve(url.group(1));
            if (sameServer(target) && target.getRawQuery() == null) {
                follow(target.getRawPath());
            }
        }
    }

    private boolean sameServer(URI target) {
        return target.getScheme() != null && target.getScheme().equals(app.getScheme()) && target.getHost() != null
                && target.getHost().equals(app.getHost()) && target.getPort() == app.getPort();
    }
}
