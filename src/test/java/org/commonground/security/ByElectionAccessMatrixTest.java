package org.commonground.security;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.group.GroupService;
import org.commonground.pact.ByElectionService;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.shared.Dates;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A by-election pact is a pact: its deadline is read by the pact's readers only, and only a convenor of a local group
 * covering the seat starts one there (the member of another group convenes a group covering Aldershot too, and may
 * start one only in their own).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ByElectionAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    ByElectionService byElections;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext db;

    Cast cast;
    Matrix matrix;

    @BeforeAll
    void people() {
        cast = new Cast(testMembers, groups);
        matrix = new Matrix(transactions, db, cast);
    }

    private long byElection() {
        cast.signIn(Who.CONVENOR);
        LocalDate polling = LocalDate.now(Dates.ZONE).plusDays(20);
        long id = byElections.start(cast.group, Cast.ALDERSHOT, polling, polling.minusDays(5).atTime(18, 0).atZone(Dates.ZONE).toOffsetDateTime());
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", Stance.STANDS_DOWN);
        pacts.revise(id, 1, new PactTerms(List.of(new SeatTerms(Cast.ALDERSHOT, "Aldershot", "LAB", stances)), ""), "");
        pacts.openNegotiation(id);
        return id;
    }

    private final Matrix.Calls<Long> calls = new Matrix.Calls<Long>()
            .read("ratification deadline", id -> byElections.deadline(id))
            .find("offered to start one for Aldershot", id -> byElections.groupsThatMayStart(Cast.ALDERSHOT),
                    (id, found) -> found.stream().anyMatch(g -> g.groupId() == cast.group))
            .change("start one for Aldershot", id -> byElections.start(cast.group, Cast.ALDERSHOT, LocalDate.now(Dates.ZONE).plusDays(30),
                    LocalDate.now(Dates.ZONE).plusDays(25).atTime(12, 0).atZone(Dates.ZONE).toOffsetDateTime()));

    @Test
    void aByElectionPactInNegotiation() {
        matrix.check("a by-election pact in negotiation", this::byElection, calls, """
                ratification deadline              | group
                offered to start one for Aldershot | convenor
                start one for Aldershot            | convenor
                """);
    }
}
