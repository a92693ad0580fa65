package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.election.results.SeatVerdict;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The public map over HTTP, as someone not signed in: every hexagon a link, published pacts and targets marked and tabled. */
@IntegrationTest
class PublicMapWebTest {

    // Seats no other test publishes a pact over: a published pact stays published for the tests that follow.
    private static final String WESTON = "E14001571";
    private static final String YNYS_MON = "W07000112";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ElectionService elections;
    @Autowired
    PublicElectionService publicElection;
    @Autowired
    PublishingService publishing;
    @Autowired
    Agreements agreements;
    @Autowired
    TestMembers testMembers;
    @Autowired
    PublishedPacts publishedPacts;

    MockMvc http;

    @BeforeEach
    void chosen() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestMembers.signIn(testMembers.registerAdmin("Map admin"));
        long election = elections.importResults("MAP-" + System.nanoTime(), "Sample general election", SampleSeats.bytes(), p -> { }).id();
        publicElection.choose(election, "LAB,LD,GRN,PC");
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void everySeatIsALinkPublishedPactsAndTargetsAreMarkedAndTabledAndAnUnpublishedPactIsNot() throws Exception {
        Agreements.Ratified published = agreements.ratifiedPact("Weston map pact", WESTON, "Weston-super-Mare");
        agreements.ratifiedPact("Ynys Môn map pact", YNYS_MON, "Ynys Môn");
        TestMembers.signIn(published.convenor());
        Publication document = publishing.publishPact(published.pact());
        TestMembers.signOut();

        MvcResult result = http.perform(get("/p/map")).andReturn();
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("s-maxage");
        assertThat(result.getRequest().getSession(false)).isNull();
        String page = response.getContentAsString(StandardCharsets.UTF_8);

        PublicElectionService.PublicMap map = publicElection.map();
        Matcher hexLinks = Pattern.compile("<a href=\"/p/seats/[EWSN][0-9]{8}\" aria-label=\"").matcher(page);
        int links = 0;
        while (hexLinks.find()) {
            links++;
        }
        long withPages = map.layout().cells().stream().filter(c -> map.seatsWithPages().contains(c.onsCode())).count();
        assertThat(withPages).as("the sample's seats are on the map").isEqualTo(6);
        assertThat(links).as("a link for each hexagon with a seat page, and none to a page that is not there").isEqualTo(withPages);
        assertThat(page).contains("<g role=\"img\" aria-label=\"");
        // Hexagons and rows are named as the map's layout names them (the sample's figures are invented, its codes real).
        String weston = nameOnTheMap(map, WESTON);
        assertThat(page).contains("aria-label=\"" + weston + ": published pact backing Labour\"",
                // The table beside the map: the pact's seat, linked to its page and to the published document.
                "<a href=\"/p/seats/" + WESTON + "\">" + weston + "</a></th>", "<a href=\"/p/" + document.slug() + "\">Weston map pact</a>, backing Labour",
                "Skip the map to the table", "<h2 id=\"seats-table\">")
                .doesNotContain("Ynys Môn map pact", "aria-label=\"" + nameOnTheMap(map, YNYS_MON) + ": published pact", "<script", " style=\"");
        for (SeatVerdict target : map.verdicts().values().stream().filter(SeatVerdict::target).toList()) {
            // A seat of a published pact (other tests publish some too) is marked as that instead.
            if (!publishedPacts.bySeat().containsKey(target.onsId())) {
                assertThat(page).contains("aria-label=\"" + nameOnTheMap(map, target.onsId()) + ": target seat");
            }
            assertThat(page).contains("<a href=\"/p/seats/" + target.onsId() + "\">");
        }
        assertThat(map.verdicts().values()).as("the sample has a target seat to show").anyMatch(SeatVerdict::target);

        String etag = response.getHeader("ETag");
        assertThat(http.perform(get("/p/map").header("If-None-Match", etag)).andReturn().getResponse().getStatus()).isEqualTo(304);
    }

    private static String nameOnTheMap(PublicElectionService.PublicMap map, String onsCode) {
        return map.layout().cells().stream().filter(c -> c.onsCode().equals(onsCode)).findFirst().orElseThrow().name();
    }
}
