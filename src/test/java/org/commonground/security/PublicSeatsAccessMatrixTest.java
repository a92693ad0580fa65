package org.commonground.security;

import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.group.GroupService;
import org.commonground.publishing.PublishedPacts;
import org.commonground.support.IntegrationTest;
import org.commonground.support.SampleSeats;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The public seat pages' services: anyone, signed in or not, reads the setting, the seats, the search and the
 * published pacts (they are public, like the documents); only an admin chooses the setting.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSeatsAccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ElectionService elections;
    @Autowired
    PublicElectionService publicElection;
    @Autowired
    PublishedPacts publishedPacts;
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

    record Chosen(long election) {
    }

    private Chosen chosen() {
        cast.signIn(Who.ADMIN);
        long election = elections.importResults("PUBLIC-MATRIX-" + cast.tag, "Public matrix election", SampleSeats.bytes(), p -> { }).id();
        publicElection.choose(election, "LAB,LD,GRN");
        return new Chosen(election);
    }

    @Test
    void theSettingAndThePublicSeats() {
        matrix.check("a public setting chosen", this::chosen, new Matrix.Calls<Chosen>()
                .find("the setting in force", c -> publicElection.current(), (c, found) -> found.isPresent() && found.get().electionId() == c.election())
                .change("choose the setting", c -> publicElection.choose(c.election(), "LAB,GRN"))
                .find("a seat's result", c -> publicElection.seat("E14001131"), (c, found) -> found.isPresent() && found.get().result() != null)
                .find("the search", c -> publicElection.search("bristol central"), (c, found) -> found.size() == 1)
                .read("the pages' version", c -> publicElection.version())
                .find("the public map", c -> publicElection.map(), (c, found) -> found.setting() != null && !found.verdicts().isEmpty())
                .read("a seat's published pacts", c -> publishedPacts.forSeat("E14001131"))
                .read("every seat's published pacts", c -> publishedPacts.bySeat())
                .read("the published pacts' version", c -> publishedPacts.version()), """
                the setting in force              | anyone
                choose the setting                | admin
                a seat's result                   | anyone
                the search                        | anyone
                the pages' version                | anyone
                the public map                    | anyone
                // Only what was published (PublicSeatsWebTest: an unpublished pact never shows).
                a seat's published pacts          | anyone
                every seat's published pacts      | anyone
                the published pacts' version      | anyone
                """);
    }
}
