package org.commonground.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.publishing.PublishingService;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code /p/what-if} over plain HTTP, through the whole filter chain, as someone not signed in. Each test imports a
 * five-seat election of its own, with "2999" in its code so that it is the newest and the page's default:
 *
 * <pre>
 *   Pactford   CON 20,000  LAB 16,000  LD 8,000  GRN 2,000   (a pact is published here in one test)
 *   Draftbury  CON 20,000  LD 16,000  LAB 8,000  GRN 2,000   (a pact is ratified, never published)
 *   Holdham    LAB 25,000  CON 10,000                          (Labour holds)
 *   Safeton    CON 30,000  LAB 10,000  GRN 5,000
 *   Cwm Prawf  CON 20,000  LAB 12,000  PC 9,000               (Wales: Plaid Cymru is in the alliance)
 * </pre>
 *
 * As cast: CON 4, LAB 1; the alliance 1. With every rate at the default 50%: Pactford LAB 16,000 + 4,000 + 1,000 = 21,000
 * and Draftbury LD 16,000 + 4,000 + 1,000 = 21,000 change hands; Safeton LAB 10,000 + 2,500 and Cwm Prawf LAB 12,000 +
 * 4,500 = 16,500 do not: CON 2, LAB 2, LD 1; the alliance 3 (+2). With full transfers Cwm Prawf too (LAB 21,000): the alliance 4 (+3).
 */
@IntegrationTest
class WhatIfWebTest {

    private static final AtomicInteger IMPORTS = new AtomicInteger();
    private static final String HEADER = "ONS ID,ONS region ID,Constituency name,County name,Region name,Country name,Constituency type,"
            + "Member first name,Member surname,Member gender,Result,First party,Second party,Electorate,Valid votes,Invalid votes,Majority,"
            + "Con,Lab,LD,Green,PC,All other candidates,Of which other winner\n";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ElectionService elections;
    @Autowired
    PublishingService publishing;
    @Autowired
    Agreements agreements;
    @Autowired
    TestMembers testMembers;
    @Autowired
    WhatIfPages pages;
    @Autowired
    PublicElectionService publicElection;

    MockMvc http;
    String pactford;
    String lastCsv;
    String draftbury;

    @BeforeEach
    void client() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /**
     * Imports the five seats above as the election of the public pages and returns its code. Each import has seats of its own
     * (E1490nn04 is Pactford of the nn-th), as a pact published over one test's seat stays published for the others.
     */
    private String imported() {
        int n = IMPORTS.incrementAndGet();
        pactford = String.format("E1490%02d04", n);
        draftbury = String.format("E1490%02d01", n);
        TestMembers.signIn(testMembers.registerAdmin("What-if admin"));
        String code = "WHATIF-2999-" + n + "-" + System.nanoTime();
        String csv = HEADER
                + row(pactford, "Pactford", "England", "Con hold", "Con", "Lab", 20000, 16000, 8000, 2000, 0)
                + row(draftbury, "Draftbury", "England", "Con hold", "Con", "LD", 20000, 8000, 16000, 2000, 0)
                + row(String.format("E1490%02d02", n), "Holdham", "England", "Lab hold", "Lab", "Con", 10000, 25000, 0, 0, 0)
                + row(String.format("E1490%02d03", n), "Safeton", "England", "Con hold", "Con", "Lab", 30000, 10000, 0, 5000, 0)
                + row(String.format("W0790%02d01", n), "Cwm Prawf", "Wales", "Con hold", "Con", "Lab", 20000, 12000, 0, 0, 9000);
        long id = elections.importResults(code, "What-if test election", csv.getBytes(StandardCharsets.UTF_8), p -> { }).id();
        // The page without parameters shows the election the admin published for the public pages.
        publicElection.choose(id, "LAB,LD,GRN,PC");
        lastCsv = csv;
        TestMembers.signOut();
        return code;
    }

    /** The same seats again, imported later as an election of 1997: older, whenever it was imported. */
    private String importedAsAnOlderElection() {
        TestMembers.signIn(testMembers.registerAdmin("What-if admin"));
        String code = "WHATIF-1997-" + System.nanoTime();
        // Holdham goes Conservative: CON 26,000 against LAB 25,000, so the alliance has none of the five as cast.
        String csv = lastCsv.replace("Lab hold,Lab,Con,70000,35000,100,1000,10000,25000", "Con gain from Lab,Con,Lab,70000,51000,100,1000,26000,25000");
        assertThat(csv).isNotEqualTo(lastCsv);
        elections.importResults(code, "An older election", csv.getBytes(StandardCharsets.UTF_8), p -> { });
        TestMembers.signOut();
        return code;
    }

    private static String row(String ons, String name, String country, String result, String first, String second, int con, int lab, int ld,
                              int green, int pc) {
        int valid = con + lab + ld + green + pc;
        String region = country.equals("Wales") ? "W92000004,,Wales" : "E12000003,,Yorkshire and The Humber";
        return String.join(",", ons, region.split(",")[0], name, "", region.split(",")[2], country, "County", "A", "Member", "Female", result,
                first, second, "70000", String.valueOf(valid), "100", "1000", String.valueOf(con), String.valueOf(lab), String.valueOf(ld),
                String.valueOf(green), String.valueOf(pc), "0", "0") + "\n";
    }

    private MvcResult call(RequestBuilder request) throws Exception {
        return http.perform(request).andReturn();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The alliance's row: as cast, everywhere, change, in pacts' seats, change. */
    private static String allianceRow(String... cells) {
        StringBuilder row = new StringBuilder("<th scope=\"row\">The alliance’s parties</th>");
        for (String cell : cells) {
            row.append("<td>").append(cell).append("</td>");
        }
        return row.toString();
    }

    @Test
    void theDefaultsCountAsWorkedOutAboveAndSayWhereTheyComeFrom() throws Exception {
        String code = imported();
        String older = importedAsAnOlderElection();
        MvcResult result = call(get("/p/what-if"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        String page = html(result);

        assertThat(page).contains("Seats in What-if test election (" + code + ")", "5 constituencies",
                allianceRow("1", "3", "+2", "1", "no change"),
                "(CON)</th><td>4</td><td>2</td><td>−2</td><td>4</td><td>no change</td>",
                "(LD)</th><td>0</td><td>1</td><td>+1</td><td>0</td><td>no change</td>",
                // The across-elections table: 5 seats, 1 as cast, +2 with the defaults, +3 with full transfers.
                code + ")</th><td>5</td><td>1</td><td>+2</td><td>+3</td>",
                // The alliance the admin published for the public pages.
                "most votes among Labour (LAB), Liberal Democrats (LD), Green (GRN) and Plaid Cymru (PC).",
                "a round assumption, not a measurement", "href=\"" + WhatIfHtml.SOURCE_ADDRESS + "\"",
                // Every pair has a labelled input showing its default; Plaid Cymru's voters meet the SNP nowhere.
                "<label for=\"rate-LD-LAB\">", "id=\"rate-LD-LAB\" name=\"LD-LAB\" min=\"0\" max=\"100\" step=\"1\" inputmode=\"numeric\" value=\"50\"",
                "id=\"rate-PC-LAB\"", "(default 50%)", "<svg", "as cast 4", "all seats 2", "<option value=\"" + code + "\" selected>")
                .doesNotContain("id=\"rate-PC-SNP\"", "<script", " style=\"", "class=\"problem\"");
        // Newest first, by the year in the code, though the 1997 election was imported last. There the alliance won none
        // as cast; Holdham (CON 26,000, LAB 25,000 and no other alliance votes) stays Conservative whatever the rates.
        assertThat(page.indexOf("<option value=\"" + code + "\"")).isLessThan(page.indexOf("<option value=\"" + older + "\""));
        assertThat(page.indexOf(code + ")</th><td>5</td>")).isPositive().isLessThan(page.indexOf(older + ")</th><td>5</td>"));
        assertThat(page).contains(older + ")</th><td>5</td><td>0</td><td>+2</td><td>+3</td>");
    }

    @Test
    void theReadersRatesAreUsedAndShownBack() throws Exception {
        String code = imported();
        // No Lib Dem or Green voter votes Labour: Pactford stays Conservative (16,000 < 20,000); Draftbury still goes to
        // the Lib Dems (16,000 + 8,000 × 50% + 2,000 × 50% = 21,000). The alliance: 2 (+1). With everyone transferring
        // from Plaid Cymru, Cwm Prawf too (12,000 + 9,000 = 21,000): 3 (+2).
        String page = html(call(get("/p/what-if").param("election", code).param("LD-LAB", "0").param("GRN-LAB", "0").param("PC-LAB", "100")));

        assertThat(page).contains(allianceRow("1", "3", "+2", "1", "no change"), "name=\"LD-LAB\" min=\"0\" max=\"100\" step=\"1\" inputmode=\"numeric\" value=\"0\"",
                "name=\"PC-LAB\" min=\"0\" max=\"100\" step=\"1\" inputmode=\"numeric\" value=\"100\"",
                "(LD)</th><td>0</td><td>1</td><td>+1</td>", "(LAB)</th><td>1</td><td>2</td><td>+1</td>");
        String full = html(call(get("/p/what-if").param("election", code).param("LD-LAB", "100").param("GRN-LAB", "100").param("PC-LAB", "100")
                .param("LAB-LD", "100").param("GRN-LD", "100")));
        assertThat(full).contains(allianceRow("1", "4", "+3", "1", "no change"));
        String none = html(call(get("/p/what-if").param("election", code).param("LD-LAB", "0").param("GRN-LAB", "0").param("PC-LAB", "0")
                .param("LAB-LD", "0").param("GRN-LD", "0")));
        assertThat(none).contains(allianceRow("1", "1", "no change", "1", "no change"));
    }

    @Test
    void badRatesGetASentenceBesideTheirFieldAndTheDefaultsStandIn() throws Exception {
        imported();
        MvcResult result = call(get("/p/what-if").param("LD-LAB", "140").param("GRN-LAB", "lots").param("LAB-LD", "12.5")
                .param("election", "NO-SUCH-ELECTION"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = html(result);

        assertThat(page).contains("3 rates could not be used", "The election asked for is not among those imported",
                "value=\"140\" aria-describedby=\"problem-LD-LAB\" aria-invalid=\"true\"/>\n<p class=\"problem\" id=\"problem-LD-LAB\">140 is more than 100",
                "id=\"problem-GRN-LAB\">“lots” is not a number: give a per cent from 0 to 100",
                "id=\"problem-LAB-LD\">Give a whole per cent",
                "id=\"problem-election\">No election with the code “NO-SUCH-ELECTION” has been imported",
                // The defaults' answer for the newest election.
                allianceRow("1", "3", "+2", "1", "no change"));
    }

    @Test
    void thePageCachesRevalidatesAndMakesNoSession() throws Exception {
        imported();
        MvcResult first = call(get("/p/what-if"));
        MockHttpServletResponse page = first.getResponse();
        String etag = page.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(page.getHeader("Cache-Control")).contains("public", "max-age=60", "s-maxage=300");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getHeader("Set-Cookie")).isNull();
        assertThat(first.getRequest().getSession(false)).isNull();

        MockHttpServletResponse repeat = call(get("/p/what-if").header("If-None-Match", etag)).getResponse();
        assertThat(repeat.getStatus()).isEqualTo(304);
        assertThat(repeat.getContentAsByteArray()).isEmpty();
        assertThat(repeat.getHeader("Cache-Control")).contains("s-maxage=300");
        // A parameter the page does not read (a campaign's tag, a blank field) is the page without parameters.
        assertThat(call(get("/p/what-if").param("utm_source", "leaflet").param("GRN-LAB", " ").header("If-None-Match", etag)).getResponse().getStatus())
                .isEqualTo(304);
        MockHttpServletResponse other = call(get("/p/what-if").param("LD-LAB", "10").header("If-None-Match", etag)).getResponse();
        assertThat(other.getStatus()).as("other rates make another page").isEqualTo(200);
        assertThat(other.getHeader("ETag")).isNotEqualTo(etag);
        MvcResult again = call(get("/p/what-if").param("LD-LAB", "10").header("If-None-Match", other.getHeader("ETag")));
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getRequest().getSession(false)).isNull();
    }

    @Test
    void onlyPublishedPactsSeatsCountInTheirColumnAndPublishingRenewsTheKeptPage() throws Exception {
        String code = imported();
        Agreements.Ratified published = agreements.ratifiedPact("Pactford pact", pactford, "Pactford");
        agreements.ratifiedPact("Draftbury pact", draftbury, "Draftbury");
        TestMembers.signOut();
        String before = html(call(get("/p/what-if")));
        assertThat(before).contains("Published pacts cover 0 of these seats", allianceRow("1", "3", "+2", "1", "no change"));
        // Answered from memory: the same rendering again, not a new one.
        WhatIfPages.Page kept = pages.page(Map.of());
        assertThat(pages.page(Map.of())).isSameAs(kept);

        TestMembers.signIn(published.convenor());
        publishing.publishPact(published.pact());
        TestMembers.signOut();

        // Pactford (published) changes hands in the pacts' column; Draftbury (ratified, never published) does not.
        assertThat(pages.page(Map.of())).as("a publication drops the kept page").isNotSameAs(kept)
                .extracting(WhatIfPages.Page::etag).isNotEqualTo(kept.etag());
        String after = html(call(get("/p/what-if")));
        assertThat(after).contains("Published pacts cover 1 of these seats", allianceRow("1", "3", "+2", "2", "+1"),
                "(CON)</th><td>4</td><td>2</td><td>−2</td><td>3</td><td>−1</td>", "(LD)</th><td>0</td><td>1</td><td>+1</td><td>0</td><td>no change</td>");
        assertThat(html(call(get("/p/what-if").param("election", code)))).contains(allianceRow("1", "3", "+2", "2", "+1"));
        assertThat(html(call(get("/p")))).contains("href=\"/p/what-if\"");
    }
}
