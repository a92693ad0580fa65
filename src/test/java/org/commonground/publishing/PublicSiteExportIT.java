package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.publishing.document.Fingerprint;
import org.commonground.support.Agreements;
import org.commonground.support.Nginx;
import org.commonground.support.SampleSeats;
import org.commonground.support.TestDatabaseInitializer;
import org.commonground.support.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The public site exported as static files and served by nginx: every link in it is followed through nginx and
 * answers, the documents read as on the app, and each PDF's SHA-256 is the one the index of fingerprints gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class PublicSiteExportIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;
    @Autowired
    TestMembers testMembers;
    @Autowired
    ElectionService elections;
    @Autowired
    PublicElectionService publicElection;


    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theExportServedByNginxAnswersEveryLinkItHoldsAndItsPdfsMatchTheIndex(@TempDir Path site) throws Exception {
        // The public seat pages' election: every hexagon of the map with a seat links its page.
        TestMembers.signIn(testMembers.registerAdmin("Export admin"));
        long election = elections.importResults("EXPORT-" + System.nanoTime(), "Sample general election", SampleSeats.bytes(), p -> { }).id();
        publicElection.choose(election, "LAB,LD,GRN,PC");
        Agreements.Agreed agreed = agreements.agreedProposal("Exported rivers policy", "Clean rivers for everyone.\n\nA second paragraph.");
        Publication proposal = publishing.publishProposal(agreed.proposal());
        Agreements.Ratified ratified = agreements.ratifiedPact("Exported Hove pact", "E14001296", "Hove and Portslade");
        Publication pact = publishing.publishPact(ratified.pact());
        TestMembers.signOut();

        PublicSiteExport.Summary summary = PublicSiteExport.export(URI.create("http://127.0.0.1:" + port), publishing.baseUrl(), site);
        assertThat(summary.pages()).isGreaterThanOrEqualTo(3);
        assertThat(site.resolve("p/index.html")).exists();
        assertThat(site.resolve("p/" + proposal.slug() + ".pdf")).exists();

        try (Nginx nginx = Nginx.serve(site)) {
            URI base = URI.create("http://127.0.0.1:" + nginx.port);
            Map<String, HttpResponse<byte[]>> crawled = crawl(base);
            assertThat(crawled).containsKeys("/p", "/p/" + proposal.slug(), "/p/" + proposal.slug() + ".pdf", "/p/" + pact.slug(),
                    "/p/" + pact.slug() + ".pdf", "/p/feed.atom", "/p/fingerprints.json", "/p/verify", "/p/seats", "/p/map", "/p/what-if",
                    // The map links every seat of the election, each one's page exported.
                    "/p/seats/E14001063", "/p/seats/E14001131", "/p/seats/W07000112");
            assertThat(text(crawled.get("/p/" + proposal.slug()))).contains("Exported rivers policy", "Clean rivers for everyone.", proposal.fingerprint());
            assertThat(text(crawled.get("/p/" + pact.slug()))).contains("Exported Hove pact");
            assertThat(crawled.get("/p/" + pact.slug()).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(crawled.get("/p/" + pact.slug() + ".pdf").headers().firstValue("Content-Type")).contains("application/pdf");

            // A form that posts needs the live page (its token is the visitor's there): the copy leads to it instead.
            Document verify = Jsoup.parse(text(crawled.get("/p/verify")));
            assertThat(verify.select("form[method=post]")).isEmpty();
            assertThat(verify.select("p.live-form a").attr("href")).isEqualTo(publishing.baseUrl() + "/p/verify");

            JsonNode index = new ObjectMapper().readTree(crawled.get("/p/fingerprints.json").body());
            Map<String, String> pdfSha256 = new LinkedHashMap<>();
            index.get("documents").forEach(d -> pdfSha256.put(d.get("pdf").asString(), d.get("pdfSha256").asString()));
            assertThat(pdfSha256).containsEntry("/p/" + proposal.slug() + ".pdf", proposal.pdfSha256());
            for (Map.Entry<String, String> pdf : pdfSha256.entrySet()) {
                assertThat(Fingerprint.sha256(crawled.get(pdf.getKey()).body())).as(pdf.getKey()).isEqualTo(pdf.getValue());
            }
        }
    }

    /** Every page and file reachable from /p through same-site links (href, src, CSS url()), each asserted to answer 200. */
    private static Map<String, HttpResponse<byte[]>> crawl(URI base) throws Exception {
        Map<String, HttpResponse<byte[]>> answered = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>(java.util.List.of("/p", "/p/fingerprints.json"));
        Deque<String> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("%s through nginx", path).isEqualTo(200);
            answered.put(path, response);
            String type = response.headers().firstValue("Content-Type").orElse("");
            Set<String> links = new LinkedHashSet<>();
            if (type.startsWith("text/html")) {
                Document page = Jsoup.parse(text(response), base.resolve(path).toString());
                for (Element e : page.select("a[href], link[href], img[src], script[src], source[src]")) {
                    links.add(e.absUrl(e.hasAttr("href") ? "href" : "src"));
                }
            } else if (type.startsWith("text/css")) {
                java.util.regex.Matcher url = java.util.regex.Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]+)").matcher(text(response));
                while (url.find()) {
                    links.add(base.resolve(path).resolve(url.group(1)).toString());
                }
            }
            for (String link : links) {
                URI target = URI.create(link.replace(" ", "%20"));
                if (base.getHost().equals(target.getHost()) && target.getPort() == base.getPort()) {
                    assertThat(target.getRawQuery()).as("a link with a query in the static copy: %s on %s", link, path).isNull();
                    if (seen.add(target.getRawPath())) {
                        queue.addLast(target.getRawPath());
                    }
                }
            }
        }
        return answered;
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
