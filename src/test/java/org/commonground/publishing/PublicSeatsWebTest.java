package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.security.SignedInMember;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.SampleSeats;
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

/** The public seat pages over HTTP, through the whole filter chain, as someone who is not signed in. */
@IntegrationTest
class PublicSeatsWebTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ElectionService elections;
    @Autowired
    PublicElectionService publicElection;
    @Autowired
    PublishingService publishing;
    @Autowired
    PublishedPacts publishedPacts;
    @Autowired
    PublicSeatPages pages;
    @Autowired
    Agreements agreements;
    @Autowired
    TestMembers testMembers;
    @Autowired
    CorrectionService corrections;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    org.commonground.pact.PactRatificationService ratification;

    MockMvc http;
    SignedInMember admin;
    long election;

    @BeforeEach
    void chosen() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        admin = testMembers.registerAdmin("Seat pages admin");
        TestMembers.signIn(admin);
        election = elections.importResults("SEATPAGES", "Sample general election", SampleSeats.bytes(),
                p -> { }).id();
        publicElection.choose(election, "LAB,LD,GRN,PC");
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return http.perform(request).andReturn().getResponse();
    }

    private String html(String path) throws Exception {
        MockHttpServletResponse page = call(get(path));
        assertThat(page.getStatus()).as(path).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    private String search(String q) throws Exception {
        MockHttpServletResponse page = call(get("/p/seats").param("q", q));
        assertThat(page.getStatus()).as(q).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theSearchIsAPlainFormThatFindsForgivinglyAndListsLinks() throws Exception {
        assertThat(html("/p")).contains("<a href=\"/p/seats\">Find your constituency</a>");
        String empty = html("/p/seats");
        assertThat(empty).contains("<form class=\"seat-search\" method=\"get\" action=\"/p/seats\"", "<label for=\"q\">", "name=\"q\"",
                "The results are those of Sample general election.").doesNotContain("<script", "style=\"", "found</h2>");
        assertThat(search("bristol central")).contains("<h2>1 constituency found</h2>",
                "<li><a href=\"/p/seats/E14001131\">Bristol Central</a></li>", "value=\"bristol central\"");
        assertThat(search("  BRISTOL   central ")).contains("<a href=\"/p/seats/E14001131\">Bristol Central</a>");
        assertThat(search("hove & portslade")).contains("<a href=\"/p/seats/E14001296\">Hove and Portslade</a>", "value=\"hove &amp; portslade\"");
        assertThat(search("ynys mon")).contains("<a href=\"/p/seats/W07000112\">Ynys Môn</a>");
        assertThat(search("weston super mare")).contains("<a href=\"/p/seats/E14001571\">Weston-super-Mare</a>");
        assertThat(search("e14001063")).contains("<a href=\"/p/seats/E14001063\">Aldershot</a>");
        assertThat(search("<script>atlantis")).contains("<h2>No constituency found</h2>", "&lt;script&gt;atlantis")
                .doesNotContain("<script");
    }

    @Test
    void aSeatPageShowsItsResultWithoutColourTheReasoningWhatItDoesNotKnowItsSourcesAndOpenGraph() throws Exception {
        String page = html("/p/seats/E14001131");
        assertThat(page).contains("<h1>Bristol Central</h1>",
                "Labour came second with 14,212 votes; the alliance parties together had 26,930 against the winner&#39;s 19,347.",
                "The alliance parties: Labour, Liberal Democrat, Green, Plaid Cymru, chosen for these pages on",
                "<h2>Result in Sample general election</h2>",
                // The chart's bars carry their party and votes as text; the table says the same.
                "<svg class=\"votes-chart\"", ">Conservative: 19,347 (37.7%), won</text>", ">Labour: 14,212 (27.7%)</text>",
                "<th scope=\"row\">Conservative (won)</th><td>19,347</td>", "<th scope=\"row\">Reform UK</th><td>5,000</td>",
                "no opinion polls, no local election results", "House of Commons Library", "Open Parliament Licence v3.0",
                "Office for National Statistics", "Open Government Licence v3.0",
                "<meta property=\"og:title\" content=\"Bristol Central: how to vote together\"/>",
                "<meta property=\"og:description\" content=\"Labour came second with 14,212 votes;",
                "<meta property=\"og:url\" content=\"" + publishing.baseUrl() + "/p/seats/E14001131\"/>",
                "<link rel=\"stylesheet\" href=\"/p/assets/seats.css\"/>")
                .doesNotContain("<script", "style=\"", "<style");
        assertThat(html("/p/seats/E14001170")).contains("This is the Speaker&#39;s seat",
                "The winner, the Speaker, had 25,200 votes, counted above among Others.");
        assertThat(call(get("/p/assets/seats.css")).getStatus()).isEqualTo(200);

        MockHttpServletResponse unknown = call(get("/p/seats/E99999999"));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Constituency not found</h1>", "href=\"/p/seats\"");
        assertThat(call(get("/p/seats/not-a-code")).getStatus()).isEqualTo(404);
        MockHttpServletResponse lower = call(get("/p/seats/e14001131"));
        assertThat(lower.getStatus()).isEqualTo(301);
        assertThat(lower.getHeader("Location")).isEqualTo("/p/seats/E14001131");
    }

    @Test
    void everyPageHasAnETagAndSharedCacheLifetimeAnswers304AndMakesNoSession() throws Exception {
        for (String path : List.of("/p/seats/E14001131", "/p/seats?q=bristol", "/p/seats")) {
            MvcResult first = http.perform(get(path)).andReturn();
            MockHttpServletResponse page = first.getResponse();
            assertThat(page.getStatus()).as(path).isEqualTo(200);
            assertThat(page.getHeader("ETag")).as(path).matches("\"s[0-9a-f]{24}\"");
            assertThat(page.getHeader("Cache-Control")).as(path).contains("public", "max-age=60", "s-maxage=300");
            assertThat(page.getHeader("Content-Security-Policy")).as(path).contains("default-src 'none'");
            assertThat(page.getHeader("Set-Cookie")).as(path).isNull();
            assertThat(first.getRequest().getSession(false)).as(path + " makes no session").isNull();

            MockHttpServletResponse again = call(get(path).header("If-None-Match", page.getHeader("ETag")));
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
            assertThat(again.getHeader("Cache-Control")).contains("s-maxage=300");
            assertThat(call(get(path).header("If-None-Match", "\"s000000000000000000000000\"")).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void keptPagesAreTheSameBytesUntilTheSettingChanges() throws Exception {
        byte[] kept = pages.seat("E14001131").html();
        assertThat(pages.seat("E14001131").html()).isSameAs(kept);
        String etag = call(get("/p/seats/E14001131")).getHeader("ETag");

        TestMembers.signIn(admin);
        publicElection.choose(election, "LAB,GRN");
        TestMembers.signOut();
        assertThat(pages.seat("E14001131").html()).isNotSameAs(kept);
        MockHttpServletResponse changed = call(get("/p/seats/E14001131").header("If-None-Match", etag));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString(StandardCharsets.UTF_8)).contains("The alliance parties: Labour, Green, chosen",
                "the alliance parties together had 18,930 against the winner&#39;s 19,347");
    }

    @Test
    void anUnpublishedPactNeverShowsAndOnceItIsPublishedItsSeatPageShowsItsTermsAndLinks() throws Exception {
        String title = "Aldershot together " + System.nanoTime();
        Agreements.Ratified ratified = agreements.ratifiedPact(title);
        TestMembers.signOut();
        String before = html("/p/seats/E14001063");
        // Other tests publish pacts over Aldershot with the same conditions: this pact is told apart by its title.
        assertThat(before).doesNotContain(title);
        assertThat(publishedPacts.forSeat("E14001063")).noneMatch(p -> p.title().equals(title));
        assertThat(publishedPacts.bySeat().getOrDefault("E14001063", List.of())).noneMatch(p -> p.title().equals(title));

        TestMembers.signIn(ratified.convenor());
        Publication published = publishing.publishPact(ratified.pact());
        TestMembers.signOut();
        String after = html("/p/seats/E14001063");
        assertThat(after).contains("<h3>" + title + "</h3>", "<dt>Alliance candidate</dt><dd>Labour</dd>", "<dt>Green</dt><dd>stands down</dd>",
                "Joint leaflets name both parties.", "href=\"/p/" + published.slug() + "\">Read the published pact</a>",
                "href=\"/p/" + published.slug() + ".pdf\">Download its PDF</a>",
                "href=\"/p/verify?fingerprint=" + published.fingerprint() + "\">" + published.fingerprint() + "</a>");
        assertThat(publishedPacts.forSeat("E14001063")).filteredOn(p -> p.title().equals(title)).singleElement().satisfies(p -> {
            assertThat(p.candidate()).isEqualTo("LAB");
            assertThat(p.others()).containsExactly(new PublishedPacts.PartyStance("GRN", org.commonground.pact.terms.Stance.STANDS_DOWN, "stands down"));
            assertThat(p.documentHref()).isEqualTo("/p/" + published.slug());
            assertThat(p.pdfHref()).isEqualTo("/p/" + published.slug() + ".pdf");
        });
        assertThat(publishedPacts.forSeat("E14001131")).noneMatch(p -> p.title().equals(title));
        // The links lead to the document and its file.
        assertThat(call(get("/p/" + published.slug())).getStatus()).isEqualTo(200);
        assertThat(call(get("/p/" + published.slug() + ".pdf")).getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void aCorrectionAwaitingConsentDoesNotShowAndOnceRatifiedReplacesTheEarlierVersion() throws Exception {
        String title = "Aldershot corrected " + System.nanoTime();
        Agreements.Ratified ratified = agreements.ratifiedPact(title);
        Publication first = publishing.publishPact(ratified.pact());
        corrections.correct(first.slug(), "Joint leaflets name both parties, in Nepali too.", "Nepali was agreed");
        TestMembers.signOut();
        // The pact itself now carries the proposed conditions; the public page still says what was published.
        assertThat(html("/p/seats/E14001063")).contains("href=\"/p/" + first.slug() + "\"", "Joint leaflets name both parties.")
                .doesNotContain("in Nepali too");

        TestMembers.signIn(ratified.convenor());
        ratification.choosePlan(ratified.pact(), "LAB", org.commonground.pact.PactRatificationService.RatificationPlan.byRepresentative(ratified.convenor().id()));
        ratification.sign(ratified.pact(), "LAB", true, "");
        TestMembers.signIn(ratified.green());
        ratification.choosePlan(ratified.pact(), "GRN", org.commonground.pact.PactRatificationService.RatificationPlan.byRepresentative(ratified.green().id()));
        ratification.sign(ratified.pact(), "GRN", true, "");
        Publication second = publishing.versionsOfPact(ratified.pact()).getFirst();
        TestMembers.signOut();
        assertThat(second.version()).isEqualTo(2);
        assertThat(html("/p/seats/E14001063")).contains("href=\"/p/" + second.slug() + "\"", "in Nepali too", second.fingerprint())
                .doesNotContain("href=\"/p/" + first.slug() + "\"", first.fingerprint());
        assertThat(publishedPacts.forSeat("E14001063")).filteredOn(p -> p.title().equals(title)).singleElement()
                .satisfies(p -> assertThat(p.slug()).isEqualTo(second.slug()));
    }

    /** Another instance's choice reaches this one without an event here: at the next re-check of what the pages show. */
    @Test
    void aSettingChosenOnAnotherInstanceReplacesTheKeptPagesWithinTheRecheck() throws Exception {
        byte[] kept = pages.seat("E14001131").html();
        db.insertInto(org.commonground.jooq.Tables.PUBLIC_ELECTION).set(org.commonground.jooq.Tables.PUBLIC_ELECTION.ELECTION_ID, election)
                .set(org.commonground.jooq.Tables.PUBLIC_ELECTION.ALLIANCE_PARTIES, "LAB,LD")
                .set(org.commonground.jooq.Tables.PUBLIC_ELECTION.CHOSEN_BY, admin.id()).execute();
        Thread.sleep(PublicSeatPages.RECHECK_NANOS / 1_000_000 + 200);
        assertThat(pages.seat("E14001131").html()).isNotSameAs(kept);
        assertThat(html("/p/seats/E14001131")).contains("The alliance parties: Labour, Liberal Democrat, chosen");
    }
}
