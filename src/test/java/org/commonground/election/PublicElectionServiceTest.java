package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.PUBLIC_ELECTION;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.SampleSeats;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The public pages' setting, and the seats and search built on it, from a six-seat fixture of invented figures. */
@IntegrationTest
class PublicElectionServiceTest {

    @Autowired
    PublicElectionService publicElection;
    @Autowired
    ElectionService elections;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember admin;
    long election;

    @BeforeEach
    void imported() {
        admin = testMembers.registerAdmin("Public pages admin");
        TestMembers.signIn(admin);
        election = elections.importResults("PUBSEATS", "Sample general election", SampleSeats.csv().getBytes(StandardCharsets.UTF_8), p -> { }).id();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void anAdminChoosesTheElectionAndAllianceAnyoneReadsItWithTheDateItWasChosen() {
        long before = db.fetchCount(PUBLIC_ELECTION);
        PublicElection chosen = publicElection.choose(election, " lab, LD ,Green ");
        assertThat(chosen.electionId()).isEqualTo(election);
        assertThat(chosen.electionCode()).isEqualTo("PUBSEATS");
        assertThat(chosen.electionName()).isEqualTo("Sample general election");
        assertThat(chosen.alliance().everywhere()).containsExactly("LAB", "LD", "GRN");
        assertThat(chosen.chosenAt()).isNotNull();
        assertThat(db.fetchCount(PUBLIC_ELECTION)).isEqualTo(before + 1);
        assertThat(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("PUBLIC_ELECTION_CHOSEN").and(AUDIT_EVENT.ACTOR_ID.eq(admin.id()))
                .and(AUDIT_EVENT.SUBJECT_ID.eq(election)).and(AUDIT_EVENT.DETAIL.eq("PUBSEATS with LAB,LD,GRN")))).isTrue();

        TestMembers.signOut();
        assertThat(publicElection.current()).contains(chosen);
        // A newer choice is the one in force.
        TestMembers.signIn(admin);
        publicElection.choose(election, "LAB,GRN");
        TestMembers.signOut();
        assertThat(publicElection.current().orElseThrow().alliance().everywhere()).containsExactly("LAB", "GRN");
    }

    @Test
    void badChoicesAreRefusedAtTheirFieldAndWriteNothing() {
        long before = db.fetchCount(PUBLIC_ELECTION);
        assertThatThrownBy(() -> publicElection.choose(-1, "LAB,LD")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("election")).isEqualTo("Choose one of the imported elections."));
        assertThatThrownBy(() -> publicElection.choose(election, "  ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("alliance")).startsWith("The alliance names no parties"));
        assertThatThrownBy(() -> publicElection.choose(election, "LAB;LD")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("alliance")).contains("\"LAB;LD\" in \"LAB;LD\" is not a party code"));
        assertThatThrownBy(() -> publicElection.choose(election, "LAB,WEP")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("alliance")).startsWith("WEP has no votes in PUBSEATS's results; its parties are CON, LAB, LD"));
        SignedInMember member = testMembers.register("Not an admin", "GRN");
        TestMembers.signIn(member);
        assertThatThrownBy(() -> publicElection.choose(election, "LAB,LD")).isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchCount(PUBLIC_ELECTION)).isEqualTo(before);
    }

    @Test
    void aSeatHasItsResultAndAnalysisForTheChosenAlliance() throws Exception {
        publicElection.choose(election, "LAB,LD,GRN,PC");
        TestMembers.signOut();
        PublicSeat bristol = publicElection.seat("E14001131").orElseThrow();
        assertThat(bristol.name()).isEqualTo("Bristol Central");
        assertThat(bristol.result().votesFor("LAB")).isEqualTo(14212);
        assertThat(bristol.verdict().bestPlaced()).isEqualTo("LAB");
        assertThat(bristol.verdict().allianceVotes()).isEqualTo(26930);
        assertThat(bristol.verdict().target()).isTrue();
        assertThat(publicElection.seat("W07000112").orElseThrow().verdict().allianceHolds()).isTrue();
        assertThat(publicElection.seat("E99999999")).isEmpty();
        // A constituency of another election only (the 2019 sample's old boundaries) has no page under this setting.
        TestMembers.signIn(admin);
        try (var in = getClass().getResourceAsStream("/elections/GE2019-sample.csv")) {
            elections.importResults("PUBSEATS-2019", "Sample 2019", in.readAllBytes(), p -> { });
        }
        TestMembers.signOut();
        assertThat(publicElection.seat("E14000901")).isEmpty();
        assertThat(publicElection.search("old mill")).isEmpty();
        assertThat(publicElection.seat("../etc")).isEmpty();
    }

    @Test
    void theSearchForgivesCaseAccentsAmpersandsPunctuationAndSpacesAndFindsCodes() {
        publicElection.choose(election, "LAB,LD,GRN");
        TestMembers.signOut();
        assertThat(names("bristol central")).containsExactly("Bristol Central");
        assertThat(names("  BRISTOL   Central ")).containsExactly("Bristol Central");
        assertThat(names("ynys mon")).containsExactly("Ynys Môn");
        assertThat(names("YNYS MÔN")).containsExactly("Ynys Môn");
        assertThat(names("hove & portslade")).containsExactly("Hove and Portslade");
        assertThat(names("weston super mare")).containsExactly("Weston-super-Mare");
        assertThat(names("weston-super-mare.")).containsExactly("Weston-super-Mare");
        assertThat(names("e14001063")).containsExactly("Aldershot");
        assertThat(names("atlantis")).isEmpty();
        assertThat(names("")).isEmpty();
        assertThat(names("!!!")).isEmpty();
        // An exact name comes before names that merely start with the words.
        assertThat(publicElection.search("chorley").getFirst().onsCode()).isEqualTo("E14001170");
    }

    @Test
    void aConstituencyRenamedByALaterImportIsFoundByItsOldNameToo() {
        String oldNames = SampleSeats.csv().replace("Bristol Central", "Bristol West");
        elections.importResults("PUBSEATS", "Sample general election", oldNames.getBytes(StandardCharsets.UTF_8), p -> { });
        elections.importResults("PUBSEATS", "Sample general election", SampleSeats.csv().getBytes(StandardCharsets.UTF_8), p -> { });
        publicElection.choose(election, "LAB,LD,GRN");
        TestMembers.signOut();
        List<PublicElectionService.SeatMatch> found = publicElection.search("Bristol West");
        assertThat(found).containsExactly(new PublicElectionService.SeatMatch("E14001131", "Bristol Central", "Bristol West"));
        assertThat(publicElection.search("bristol")).extracting(PublicElectionService.SeatMatch::formerName).containsExactly((String) null);
        assertThat(publicElection.seat("E14001131").orElseThrow().formerNames()).containsExactly("Bristol West");
    }

    private List<String> names(String query) {
        return publicElection.search(query).stream().map(PublicElectionService.SeatMatch::name).toList();
    }
}
