package org.commonground.election.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SeatAnalysisTest {

    static final Path GE2024 = Path.of("..", "shared", "data", "elections", "HoC-GE2024-results-by-constituency.csv");

    @Test
    void aTargetIsWhereTheAllianceTogetherOutPolledTheWinner() {
        SeatVerdict v = SeatAnalysis.analyse(result("England", "CON", Map.of("CON", 20000, "LAB", 15000, "LD", 8000,
                "RUK", 6000, "GRN", 2000)), Alliance.standard());

        assertThat(v.target()).isTrue();
        assertThat(v.winner()).isEqualTo("CON");
        assertThat(v.winnerVotes()).isEqualTo(20000);
        assertThat(v.bestPlaced()).isEqualTo("LAB");
        assertThat(v.bestPlacedVotes()).isEqualTo(15000);
        assertThat(v.allianceVotes()).isEqualTo(25000);
        assertThat(v.gap()).isEqualTo(5000);
        // Labour needs 5,001 of the 10,000 Liberal Democrat and Green votes.
        assertThat(v.shareNeeded()).isCloseTo(5001 / 10000.0, within(1e-12));
        assertThat(v.allianceHolds()).isFalse();
        assertThat(v.speaker()).isFalse();
        assertThat(v.onsId()).isEqualTo("E14000001");
        assertThat(v.constituency()).isEqualTo("Somewhere");
        assertThat(v.region()).isEqualTo("Some region");
        assertThat(v.country()).isEqualTo("England");
    }

    @Test
    void theAllianceMustExceedTheWinnersVotesNotMatchThem() {
        SeatVerdict level = SeatAnalysis.analyse(result("England", "CON", Map.of("CON", 20000, "LAB", 15000, "LD", 5000)),
                Alliance.standard());
        SeatVerdict oneMore = SeatAnalysis.analyse(result("England", "CON", Map.of("CON", 20000, "LAB", 15000, "LD", 5001)),
                Alliance.standard());

        assertThat(level.target()).isFalse();
        assertThat(level.shareNeeded()).isNull();
        assertThat(level.gap()).isEqualTo(5000);
        assertThat(oneMore.target()).isTrue();
        assertThat(oneMore.shareNeeded()).isEqualTo(1.0);
    }

    @Test
    void aSeatTheAllianceHoldsIsNoTarget() {
        SeatVerdict v = SeatAnalysis.analyse(result("England", "LD", Map.of("CON", 20000, "LAB", 15000, "LD", 21000)),
                Alliance.standard());

        assertThat(v.allianceHolds()).isTrue();
        assertThat(v.target()).isFalse();
        assertThat(v.shareNeeded()).isNull();
        assertThat(v.bestPlaced()).isEqualTo("LD");
        assertThat(v.allianceVotes()).isEqualTo(36000);
        assertThat(v.gap()).isZero();
    }

    @Test
    void theSpeakersSeatIsNeverATarget() {
        ConstituencyResult chorley = new ConstituencyResult("E14000003", "Speakerton", "North West", "England", 70000,
                34000, 0, 20000, "SPK", "GRN", "Spk hold", "", Map.of("GRN", 30000, "OTHER", 34000), 24000);
        SeatVerdict v = SeatAnalysis.analyse(chorley, Alliance.standard());

        assertThat(v.speaker()).isTrue();
        assertThat(v.allianceVotes()).isGreaterThan(v.winnerVotes());
        assertThat(v.target()).isFalse();
        assertThat(v.shareNeeded()).isNull();
        assertThat(v.winnerVotes()).isEqualTo(24000);
    }

    @Test
    void anIndependentWinnersVotesAreOfWhichOtherWinner() {
        ConstituencyResult islington = new ConstituencyResult("E14000002", "Eastgate", "London", "England", 72000, 48000, 0,
                3000, "IND", "LAB", "", "", Map.of("LAB", 17000, "GRN", 5000, "OTHER", 20000), 20000);
        SeatVerdict v = SeatAnalysis.analyse(islington, Alliance.standard());

        assertThat(v.winnerVotes()).isEqualTo(20000);
        assertThat(v.target()).isTrue();
        assertThat(v.gap()).isEqualTo(3000);
        assertThat(v.shareNeeded()).isCloseTo(3001 / 5000.0, within(1e-12));
    }

    @Test
    void plaidAndTheSnpCountOnlyInTheirOwnCountries() {
        Map<String, Integer> votes = Map.of("CON", 20000, "LAB", 9000, "SNP", 8000, "PC", 7000);

        SeatVerdict england = SeatAnalysis.analyse(result("England", "CON", votes), Alliance.standard());
        SeatVerdict wales = SeatAnalysis.analyse(result("Wales", "CON", votes), Alliance.standard());
        SeatVerdict scotland = SeatAnalysis.analyse(result("Scotland", "CON", votes), Alliance.standard());
        SeatVerdict snpInScotland = SeatAnalysis.analyse(result("Scotland", "SNP", Map.of("SNP", 20000, "LAB", 9000)),
                Alliance.standard());
        SeatVerdict pcInWales = SeatAnalysis.analyse(result("Wales", "PC", Map.of("PC", 20000)), Alliance.standard());

        assertThat(england.allianceVotes()).isEqualTo(9000);
        assertThat(wales.allianceVotes()).isEqualTo(16000);
        assertThat(scotland.allianceVotes()).isEqualTo(17000);
        assertThat(List.of(england, wales, scotland)).noneMatch(SeatVerdict::target);
        assertThat(snpInScotland.allianceHolds()).isTrue();
        assertThat(pcInWales.allianceHolds()).isTrue();
        SeatVerdict welshTarget = SeatAnalysis.analyse(result("Wales", "CON", Map.of("CON", 20000, "LAB", 12000, "PC", 9000)),
                Alliance.standard());
        assertThat(welshTarget.target()).isTrue();
        assertThat(welshTarget.shareNeeded()).isCloseTo(8001 / 9000.0, within(1e-12));
    }

    @Test
    void onATieTheEarlierColumnIsBestPlaced() {
        Map<String, Integer> greenFirst = new LinkedHashMap<>();
        greenFirst.put("CON", 20000);
        greenFirst.put("GRN", 11000);
        greenFirst.put("LAB", 11000);
        Map<String, Integer> labourFirst = new LinkedHashMap<>();
        labourFirst.put("CON", 20000);
        labourFirst.put("LAB", 11000);
        labourFirst.put("GRN", 11000);

        assertThat(SeatAnalysis.analyse(result("England", "CON", greenFirst), Alliance.standard()).bestPlaced()).isEqualTo("GRN");
        assertThat(SeatAnalysis.analyse(result("England", "CON", labourFirst), Alliance.standard()).bestPlaced()).isEqualTo("LAB");
    }

    @Test
    void noBestPlacedPartyWhenNoAlliancePartyHadVotes() {
        SeatVerdict v = SeatAnalysis.analyse(result("Northern Ireland", "SF", Map.of("LAB", 0, "SF", 20000, "DUP", 9000)),
                Alliance.standard());

        assertThat(v.bestPlaced()).isNull();
        assertThat(v.bestPlacedVotes()).isZero();
        assertThat(v.allianceVotes()).isZero();
        assertThat(v.gap()).isEqualTo(20000);
        assertThat(v.target()).isFalse();
        assertThat(v.shareNeeded()).isNull();
    }

    @Test
    void theShareNeededStaysWithinZeroAndOneForInconsistentFigures() {
        // A file claiming the winner had fewer votes than the best-placed alliance party.
        SeatVerdict v = SeatAnalysis.analyse(result("England", "IND", Map.of("LAB", 15000, "LD", 1000)), Alliance.standard());

        assertThat(v.target()).isTrue();
        assertThat(v.gap()).isEqualTo(-15000);
        assertThat(v.shareNeeded()).isZero();
    }

    @Test
    void aChosenAllianceAppliesEverywhere() {
        ConstituencyResult scottish = result("Scotland", "CON", Map.of("CON", 20000, "LAB", 9000, "SNP", 15000));

        assertThat(SeatAnalysis.analyse(scottish, Alliance.standard()).target()).isTrue();
        assertThat(SeatAnalysis.analyse(scottish, Alliance.parse("LAB,LD,GRN")).target()).isFalse();
        SeatVerdict labourAndSnp = SeatAnalysis.analyse(scottish, Alliance.of(List.of("Lab", "SNP")));
        assertThat(labourAndSnp.target()).isTrue();
        assertThat(labourAndSnp.bestPlaced()).isEqualTo("SNP");
    }

    @Test
    void analysingAListKeepsItsOrder() {
        List<ConstituencyResult> results = ResultsCsvParser.parse(ResultsCsvParserTest.SAMPLE_2024).constituencies();

        assertThat(SeatAnalysis.analyse(results, Alliance.standard())).extracting(SeatVerdict::onsId)
                .containsExactly("E14000001", "E14000002", "E14000003", "W07000001", "S14000001");
    }

    @Test
    void alliances() {
        Alliance standard = Alliance.standard();
        assertThat(standard.partiesIn("England")).containsExactly("LAB", "LD", "GRN");
        assertThat(standard.partiesIn("Wales")).containsExactly("LAB", "LD", "GRN", "PC");
        assertThat(standard.partiesIn("Scotland")).containsExactly("LAB", "LD", "GRN", "SNP");
        assertThat(standard.partiesIn("Northern Ireland")).containsExactly("LAB", "LD", "GRN");

        Alliance chosen = Alliance.parse(" LAB, Green ,ld");
        assertThat(chosen.everywhere()).containsExactly("LAB", "GRN", "LD");
        assertThat(chosen.byCountry()).isEmpty();
        assertThat(chosen.partiesIn("Wales")).containsExactly("LAB", "GRN", "LD");
        assertThat(chosen).isEqualTo(Alliance.of(List.of("LAB", "GRN", "LD")));

        for (String bad : List.of("", "  ", "LAB;LD", "LAB,,LD", "LAB LD", "LAB,", "L-A-B")) {
            assertThatThrownBy(() -> Alliance.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("like LAB,LD,GRN");
        }
        assertThatThrownBy(() -> Alliance.parse(null)).hasMessage(
                "The alliance names no parties: list party codes separated by commas, like LAB,LD,GRN.");
        assertThatThrownBy(() -> Alliance.parse("LAB;LD")).hasMessage(
                "\"LAB;LD\" in \"LAB;LD\" is not a party code: list party codes separated by commas, like LAB,LD,GRN.");
    }

    @Test
    void seatsCsvQuotesLikeRfc4180() {
        SeatVerdict target = new SeatVerdict("W07000001", "Bryn, \"Cwm\" and Môr", "Wales", "Wales", "CON", 20000, "LAB",
                15000, 25000, true, 5000, 0.123456, false, false);
        SeatVerdict none = new SeatVerdict("N05000001", "Glens", "Northern Ireland", "Northern Ireland", "SF", 20000, null,
                0, 0, false, 20000, null, false, false);

        assertThat(SeatsCsv.header()).isEqualTo("ons_id,constituency,winner,winner_votes,best_placed,alliance_votes,target,"
                + "region,country,best_placed_votes,gap,share_needed");
        assertThat(SeatsCsv.line(target))
                .isEqualTo("W07000001,\"Bryn, \"\"Cwm\"\" and Môr\",CON,20000,LAB,25000,true,Wales,Wales,15000,5000,0.1235");
        assertThat(SeatsCsv.line(none))
                .isEqualTo("N05000001,Glens,SF,20000,,0,false,Northern Ireland,Northern Ireland,0,20000,");
    }

    /** A results file is uploaded by anyone, so its text must not run as a formula when the CSV is opened. */
    @Test
    void seatsCsvNeutralisesFormulaCellsButKeepsNegativeNumbers() {
        SeatVerdict hostile = new SeatVerdict("=HYPERLINK(\"http://x.test\",\"y\")", "+Bath", "-1+1", "@SUM(A1)",
                "\tLAB", 100, "\rGRN", 200, 200, false, -100, null, false, false);

        assertThat(SeatsCsv.line(hostile)).isEqualTo("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"y\"\")\",'+Bath,'\tLAB,100,"
                + "\"'\rGRN\",200,false,'-1+1,'@SUM(A1),200,-100,");
    }

    /**
     * The shared 2024 file, checked against facts worked out here from the raw lines by a different route (a quote-aware
     * split and the file's own party spellings), not against figures copied from the analysis.
     */
    @Test
    void generalElection2024() throws IOException {
        assertThat(GE2024).as("the shared GE2024 results file (run the tests from the project folder)").isRegularFile();
        String text = Files.readString(GE2024);
        ElectionResults results = ResultsCsvParser.parse(text);
        List<SeatVerdict> verdicts = SeatAnalysis.analyse(results.constituencies(), Alliance.standard());

        assertThat(results.constituencies()).hasSize(650);
        assertThat(verdicts).hasSize(650);
        SeatVerdict chorley = byName(verdicts, "Chorley");
        assertThat(chorley.winner()).isEqualTo("SPK");
        assertThat(chorley.speaker()).isTrue();
        assertThat(chorley.target()).isFalse();
        assertThat(verdicts).filteredOn(SeatVerdict::speaker).containsExactly(chorley);
        SeatVerdict islingtonNorth = byName(verdicts, "Islington North");
        assertThat(islingtonNorth.winner()).isEqualTo("IND");
        assertThat(islingtonNorth.winnerVotes()).isEqualTo(24120);

        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = split(lines.get(0));
        Set<String> expectedTargets = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            String winner = row.get("First party");
            Set<String> alliance = new HashSet<>(Set.of("Lab", "LD", "Green"));
            switch (row.get("Country name")) {
                case "Wales" -> alliance.add("PC");
                case "Scotland" -> alliance.add("SNP");
                default -> { }
            }
            int winnerVotes = Integer.parseInt(row.get(header.contains(winner) ? winner : "Of which other winner"));
            int allianceVotes = alliance.stream().mapToInt(party -> Integer.parseInt(row.get(party))).sum();
            if (!alliance.contains(winner) && !winner.equals("Spk") && allianceVotes > winnerVotes) {
                expectedTargets.add(row.get("ONS ID"));
            }
        }
        Set<String> targets = verdicts.stream().filter(SeatVerdict::target).map(SeatVerdict::onsId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(targets).hasSizeBetween(1, 649).isEqualTo(expectedTargets);
        assertThat(lines).hasSize(651);
    }

    /** Every column lands where it should: the majority is the winner's votes less the runner-up's, in every seat. */
    @Test
    void generalElection2024MajoritiesAddUp() throws IOException {
        List<ConstituencyResult> results = ResultsCsvParser.parse(Files.readString(GE2024)).constituencies();

        for (ConstituencyResult r : results) {
            if (r.votes().containsKey(r.secondParty())) {
                assertThat(r.winnerVotes() - r.votesFor(r.secondParty())).as(r.name()).isEqualTo(r.majority());
            }
            assertThat(r.votes().values().stream().mapToInt(Integer::intValue).sum()).as(r.name()).isEqualTo(r.validVotes());
        }
    }

    private static SeatVerdict byName(List<SeatVerdict> verdicts, String name) {
        return verdicts.stream().filter(v -> v.constituency().equals(name)).findFirst().orElseThrow();
    }

    /** Splits on commas outside double quotes and unquotes; enough for this file, which has no doubled quotes. */
    private static List<String> split(String line) {
        return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).stream()
                .map(field -> field.startsWith("\"") ? field.substring(1, field.length() - 1) : field).toList();
    }

    private static ConstituencyResult result(String country, String winner, Map<String, Integer> votes) {
        return new ConstituencyResult("E14000001", "Somewhere", "Some region", country, 70000,
                votes.values().stream().mapToInt(Integer::intValue).sum(), 0, 0, winner, "", "", "", votes, 0);
    }
}
