package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.ELECTION_RESULT;
import static org.commonground.jooq.Tables.HEX_CELL;
import static org.commonground.jooq.Tables.HEX_MAP;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.commonground.election.map.HexCell;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.ResultsCsvParser;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ElectionServiceTest {

    static final Path RESULTS = Path.of("..", "shared", "data", "elections", "HoC-GE2024-results-by-constituency.csv");
    static final Path HEXES = Path.of("..", "shared", "data", "boundaries", "uk-constituencies-2024.hexjson");

    @Autowired
    ElectionService elections;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private SignedInMember admin() {
        SignedInMember admin = testMembers.registerAdmin("Election admin");
        TestMembers.signIn(admin);
        return admin;
    }

    @Test
    void theRealGe2024FileImportsWithProgressAndItsAnalysisMatchesThePureOne() throws Exception {
        admin();
        byte[] file = Files.readAllBytes(RESULTS);
        List<Integer> progress = new ArrayList<>();
        var imported = elections.importResults("GE2024-test", "General election 2024", file, progress::add);
        assertThat(imported.constituencies()).isEqualTo(650);
        assertThat(progress).isSorted().last().isEqualTo(100);

        List<SeatVerdict> stored = elections.analysis(imported.id(), Alliance.standard()).seats();
        List<SeatVerdict> direct = SeatAnalysis.analyse(ResultsCsvParser.parse(new String(file, StandardCharsets.UTF_8)).constituencies(), Alliance.standard());
        assertThat(stored).isEqualTo(direct);
        assertThat(elections.constituency("E14001305").results()).hasSizeGreaterThanOrEqualTo(1)
                .anySatisfy(r -> assertThat(r.getValue().winner()).isEqualTo("IND"));

        // Importing the same code again replaces the election's results (keeping its id, which pacts cite).
        String fewer = new String(file, StandardCharsets.UTF_8).lines().limit(11).reduce((a, b) -> a + "\n" + b).orElseThrow();
        var again = elections.importResults("ge2024-TEST", "General election 2024 (corrected)", fewer.getBytes(StandardCharsets.UTF_8), p -> { });
        assertThat(again.id()).isEqualTo(imported.id());
        assertThat(db.fetchCount(ELECTION_RESULT, ELECTION_RESULT.ELECTION_ID.eq(imported.id()))).isEqualTo(10);
        assertThat(elections.elections()).filteredOn(e -> e.code().equalsIgnoreCase("ge2024-test")).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("General election 2024 (corrected)"));
    }

    @Test
    void aBadFileImportsNothingAndNamesTheLineAndAnEarlierImportSurvives() {
        admin();
        String header = "ONS ID,Constituency name,Region name,Country name,Electorate,Valid votes,First party,Majority,Lab,Con,All other candidates\n";
        var first = elections.importResults("BAD-TEST", "Small", (header
                + "E14000001,One,North,England,100,80,Lab,10,45,35,0\n").getBytes(StandardCharsets.UTF_8), p -> { });
        String duplicate = header + "E14000001,One,North,England,100,80,Lab,10,45,35,0\nE14000002,Two,North,England,100,80,Con,10,35,45,0\n"
                + "E14000001,Again,North,England,100,80,Lab,10,45,35,0\n";
        assertThatThrownBy(() -> elections.importResults("BAD-TEST", "Small", duplicate.getBytes(StandardCharsets.UTF_8), p -> { }))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageFor("file")).contains("Line 4"));
        String negative = header + "E14000003,Three,North,England,100,80,Lab,10,-45,35,0\n";
        assertThatThrownBy(() -> elections.importResults("BAD-TEST", "Small", negative.getBytes(StandardCharsets.UTF_8), p -> { }))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageFor("file")).contains("Line 2"));
        byte[] notText = new byte[4096];
        new java.util.Random(7).nextBytes(notText);
        assertThatThrownBy(() -> elections.importResults("BAD-TEST", "Small", notText, p -> { })).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> elections.importResults("BAD-TEST", "Small", new byte[ElectionService.MAX_FILE_BYTES + 1], p -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("10 MB");

        assertThat(db.fetchCount(ELECTION_RESULT, ELECTION_RESULT.ELECTION_ID.eq(first.id()))).isEqualTo(1);
    }

    @Test
    void onlyAdminsImportButEveryMemberReadsTheAnalysis() throws Exception {
        SignedInMember member = testMembers.register("Reader", "GRN");
        TestMembers.signIn(member);
        byte[] file = Files.readAllBytes(RESULTS);
        assertThatThrownBy(() -> elections.importResults("NOPE", "No", file, p -> { })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> elections.importHexMap(Files.readAllBytes(HEXES))).isInstanceOf(AccessDeniedException.class);
        assertThat(elections.elections()).isNotNull();
    }

    @Test
    void theHexagonMapImportsEveryConstituencyAndRefusesJunk() throws Exception {
        admin();
        assertThat(elections.importHexMap(Files.readAllBytes(HEXES))).isEqualTo(650);
        assertThat(elections.hexMap().layout().cells()).hasSize(650);
        assertThatThrownBy(() -> elections.importHexMap("{\"layout\":\"odd-r\",\"hexes\":{\"nonsense\":{}}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ONS");
        assertThat(elections.hexMap().layout().cells()).hasSize(650);
    }

    @Test
    void withNoImportedMapTheShippedOneIsDrawnWithItsCreditAndAnImportReplacesIt() throws Exception {
        db.deleteFrom(HEX_CELL).execute();
        db.deleteFrom(HEX_MAP).execute();
        TestMembers.signIn(testMembers.register("Map reader", "GRN"));
        ElectionService.ConstituencyMap shipped = elections.hexMap();
        assertThat(shipped.layout().cells()).hasSize(650);
        assertThat(shipped.credit()).contains("Hexagon layout © Open Innovations, MIT licence");

        admin();
        elections.importHexMap("{\"layout\":\"odd-r\",\"hexes\":{\"E14001063\":{\"n\":\"Aldershot\",\"q\":0,\"r\":0}}}".getBytes(StandardCharsets.UTF_8));
        ElectionService.ConstituencyMap imported = elections.hexMap();
        assertThat(imported.layout().cells()).extracting(HexCell::onsCode).containsExactly("E14001063");
        assertThat(imported.credit()).isEmpty();
    }
}
