package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.SampleSeats;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A kept seat page answered before the filter chain is the full path's answer, headers and all; nothing else is answered there. */
@IntegrationTest
class KeptPagesFilterTest {

    private static final String BRISTOL = "/p/seats/E14001131";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ElectionService elections;
    @Autowired
    PublicElectionService publicElection;
    @Autowired
    PublicSeatPages pages;
    @Autowired
    TestMembers testMembers;

    MockMvc http;
    KeptPagesFilter filter;
    final AtomicInteger passedOn = new AtomicInteger();
    final FilterChain chain = (request, response) -> passedOn.incrementAndGet();

    @BeforeEach
    void chosen() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestMembers.signIn(testMembers.registerAdmin("Kept pages admin"));
        long election = elections.importResults("KEPT-" + System.nanoTime(), "Sample general election", SampleSeats.bytes(), p -> { }).id();
        publicElection.choose(election, "LAB,LD,GRN,PC");
        TestMembers.signOut();
        pages.forgetAll();
        filter = new KeptPagesFilter(pages);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private MockHttpServletResponse filtered(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aKeptPageIsTheFullPathsAnswerAndEverythingElseGoesTheFullWay() throws Exception {
        assertThat(filtered(new MockHttpServletRequest("GET", BRISTOL)).getStatus()).isEqualTo(200);
        assertThat(passedOn.get()).as("not kept yet: the full path renders it").isEqualTo(1);

        MockHttpServletResponse full = http.perform(get(BRISTOL)).andReturn().getResponse();
        MockHttpServletResponse kept = filtered(new MockHttpServletRequest("GET", BRISTOL));
        assertThat(passedOn.get()).as("kept now: answered at once").isEqualTo(1);
        assertThat(kept.getContentAsByteArray()).isEqualTo(full.getContentAsByteArray());
        assertThat(kept.getContentType()).isEqualTo(full.getContentType());
        for (String header : full.getHeaderNames()) {
            if (!header.equals("Content-Length")) {
                assertThat(kept.getHeaderValues(header)).as(header).isEqualTo(full.getHeaderValues(header));
            }
        }
        assertThat(kept.getHeaderNames()).contains("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "ETag");

        MockHttpServletRequest again = new MockHttpServletRequest("GET", BRISTOL);
        again.addHeader("If-None-Match", full.getHeader("ETag"));
        MockHttpServletResponse notModified = filtered(again);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(notModified.getHeader("ETag")).isEqualTo(full.getHeader("ETag"));

        MockHttpServletRequest withQuery = new MockHttpServletRequest("GET", BRISTOL);
        withQuery.setQueryString("utm_source=leaflet");
        filtered(withQuery);
        filtered(new MockHttpServletRequest("POST", BRISTOL));
        filtered(new MockHttpServletRequest("GET", "/p/seats"));
        filtered(new MockHttpServletRequest("GET", "/p/seats/E99999999"));
        filtered(new MockHttpServletRequest("GET", "/p/what-if"));
        assertThat(passedOn.get()).as("a query, a POST, the search, an unknown seat and another page go the full way").isEqualTo(6);

        // Whatever makes the pages forget (a publication, a new setting) makes the kept answer go too.
        pages.forgetAll();
        filtered(new MockHttpServletRequest("GET", BRISTOL));
        assertThat(passedOn.get()).isEqualTo(7);
    }
}
