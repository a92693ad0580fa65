package org.commonground.election.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsCsvParserTest {

    static final String HEADER_2024 = "ONS ID,ONS region ID,Constituency name,County name,Region name,Country name,"
            + "Constituency type,Declaration time,Member first name,Member surname,Member gender,Result,First party,"
            + "Second party,Electorate,Valid votes,Invalid votes,Majority,Con,Lab,LD,RUK,Green,SNP,PC,DUP,SF,SDLP,UUP,"
            + "APNI,All other candidates,Of which other winner";

    /** Made-up constituencies in the 2024 file's layout: a party winner, an independent, the Speaker, Wales, Scotland. */
    static final String SAMPLE_2024 = HEADER_2024 + "\n" + """
            E14000001,E12000001,Northfield Vale,,North East,England,County,,Ada,Lovelace,Female,Lab gain from Con,Lab,Con,70000,45000,150,5000,15000,20000,4000,3000,2000,0,0,0,0,0,0,0,1000,0
            E14000002,E12000007,Eastgate,,London,England,Borough,,Jo,Bloggs,Male,Ind gain from Lab,Ind,Lab,72000,48000,100,3000,2000,17000,1500,2500,5000,0,0,0,0,0,0,0,20000,20000
            E14000003,E12000002,Speakerton,,North West,England,County,,Lindsay,Chair,Male,Spk hold,Spk,Green,70000,34000,1000,20000,0,0,0,0,4000,0,0,0,0,0,0,0,30000,24000
            W07000001,W92000004,"Bryn, Cwm and Môr",,Wales,Wales,County,,Llinos,Jones,Female,PC gain from Con,PC,Con,68000,40000,90,1000,12000,7000,3000,4000,1000,0,13000,0,0,0,0,0,0,0
            S14000001,S92000003,Glen Ard,,Scotland,Scotland,County,,Hamish,Stewart,Male,Con hold,Con,SNP,71000,42000,120,500,14000,9000,2000,2000,1500,13500,0,0,0,0,0,0,0,0
            """;

    static final List<String> PARTIES_2024 =
            List.of("CON", "LAB", "LD", "RUK", "GRN", "SNP", "PC", "DUP", "SF", "SDLP", "UUP", "APNI");

    @Test
    void readsEveryFieldOfARow() {
        ElectionResults results = ResultsCsvParser.parse(SAMPLE_2024);

        assertThat(results.parties()).containsExactlyElementsOf(PARTIES_2024);
        assertThat(results.constituencies()).extracting(ConstituencyResult::onsId)
                .containsExactly("E14000001", "E14000002", "E14000003", "W07000001", "S14000001");
        ConstituencyResult first = results.constituencies().get(0);
        assertThat(first).usingRecursiveComparison().ignoringFields("votes").isEqualTo(new ConstituencyResult("E14000001",
                "Northfield Vale", "North East", "England", 70000, 45000, 150, 5000, "LAB", "CON", "Lab gain from Con",
                "Ada Lovelace", java.util.Map.of(), 0));
        assertThat(first.votes()).containsExactly(entry("CON", 15000), entry("LAB", 20000), entry("LD", 4000),
                entry("RUK", 3000), entry("GRN", 2000), entry("SNP", 0), entry("PC", 0), entry("DUP", 0), entry("SF", 0),
                entry("SDLP", 0), entry("UUP", 0), entry("APNI", 0), entry("OTHER", 1000));
        assertThat(first.votesFor("Green")).isEqualTo(2000);
        assertThat(first.votesFor("GRN")).isEqualTo(2000);
        assertThat(first.votesFor("TUV")).isZero();
        assertThat(first.winnerVotes()).isEqualTo(20000);
        assertThatThrownBy(() -> first.votes().put("LAB", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aWinnerWithoutAColumnHasTheVotesOfWhichOtherWinner() {
        List<ConstituencyResult> rows = ResultsCsvParser.parse(SAMPLE_2024).constituencies();

        assertThat(rows.get(1).winner()).isEqualTo("IND");
        assertThat(rows.get(1).winnerVotes()).isEqualTo(20000);
        assertThat(rows.get(2).winner()).isEqualTo("SPK");
        assertThat(PartyCodes.isSpeaker(rows.get(2).winner())).isTrue();
        assertThat(rows.get(2).secondParty()).isEqualTo("GRN");
        assertThat(rows.get(2).winnerVotes()).isEqualTo(24000);
        assertThat(rows.get(2).otherWinnerVotes()).isEqualTo(24000);
    }

    @Test
    void partyCodesBecomeTheAppsCodes() {
        assertThat(List.of("Lab", "Green", "Con", "LD", "PC", "SNP", "Spk", "Ind", "RUK", "BRX", " tuv ", "GRN"))
                .extracting(PartyCodes::normalise)
                .containsExactly("LAB", "GRN", "CON", "LD", "PC", "SNP", "SPK", "IND", "RUK", "BRX", "TUV", "GRN");
        assertThat(PartyCodes.isSpeaker("Spk")).isTrue();
        assertThat(PartyCodes.isSpeaker("Lab")).isFalse();
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() {
        // Everything shuffled, and the party block between "All other candidates" and "Majority" the other way round.
        List<String> order = List.of("Valid votes", "Country name", "Of which other winner", "All other candidates",
                "APNI", "UUP", "SDLP", "SF", "DUP", "PC", "SNP", "Green", "RUK", "LD", "Lab", "Con", "Majority",
                "Member surname", "First party", "ONS ID", "Electorate", "Result", "Constituency name", "Region name",
                "Second party", "Invalid votes", "Member first name", "ONS region ID", "County name",
                "Constituency type", "Declaration time", "Member gender");
        ElectionResults shuffled = ResultsCsvParser.parse(reorder(SAMPLE_2024, order));
        ElectionResults original = ResultsCsvParser.parse(SAMPLE_2024);

        assertThat(shuffled.constituencies()).isEqualTo(original.constituencies());
        assertThat(shuffled.parties()).containsExactlyElementsOf(PARTIES_2024.reversed());
        assertThat(shuffled.constituencies().get(0).votes().keySet()).startsWith("APNI", "UUP").endsWith("CON", "OTHER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ONS ID", "Constituency name", "Region name", "Country name", "Electorate", "Valid votes",
            "First party"})
    void eachRequiredColumnMustBeThere(String column) {
        List<String> others = Arrays.stream(HEADER_2024.split(",")).filter(c -> !c.equals(column)).toList();

        assertThatThrownBy(() -> ResultsCsvParser.parse(reorder(SAMPLE_2024, others)))
                .isInstanceOfSatisfying(ResultsFormatException.class, e -> assertThat(e.line()).isZero())
                .hasMessage("The file has no \"" + column + "\" column. Is it a House of Commons Library "
                        + "\"results by constituency\" file?");
    }

    @Test
    void atLeastOnePartyColumnMustBeThere() {
        assertThatThrownBy(() -> ResultsCsvParser.parse("""
                ONS ID,Constituency name,Region name,Country name,Electorate,Valid votes,First party,Majority,All other candidates
                E14000001,Northfield Vale,North East,England,70000,45000,Lab,5000,45000
                """)).hasMessageStartingWith("The file has no party vote columns");
    }

    @Test
    void optionalColumnsMayBeMissing() {
        List<String> fewer = Arrays.stream(HEADER_2024.split(","))
                .filter(c -> !List.of("Invalid votes", "Majority", "Member first name", "Member surname", "Result",
                        "Second party", "ONS region ID", "County name", "Declaration time").contains(c))
                .toList();
        ElectionResults results = ResultsCsvParser.parse(reorder(SAMPLE_2024, fewer));

        // Without "Majority" the parties start after the last of the library's other columns ("Valid votes").
        assertThat(results.parties()).containsExactlyElementsOf(PARTIES_2024);
        ConstituencyResult first = results.constituencies().get(0);
        assertThat(first.invalidVotes()).isZero();
        assertThat(first.majority()).isZero();
        assertThat(first.memberName()).isEmpty();
        assertThat(first.result()).isEmpty();
        assertThat(first.secondParty()).isEmpty();
        assertThat(first.votesFor("LAB")).isEqualTo(20000);
        assertThat(first.votesFor("OTHER")).isEqualTo(1000);
    }

    @Test
    void aMinimalFileHasPartiesAfterTheLastKnownColumn() {
        ElectionResults results = ResultsCsvParser.parse("""
                Constituency name,ONS ID,Country name,Region name,First party,Electorate,Valid votes,Lab,Green,Yorks
                Northfield Vale,E14000001,England,North East,Lab,70000,45000,30000,5000,10000
                """);

        assertThat(results.parties()).containsExactly("LAB", "GRN", "YORKS");
        assertThat(results.constituencies().get(0).votes()).containsExactly(entry("LAB", 30000), entry("GRN", 5000),
                entry("YORKS", 10000));
        assertThat(results.constituencies().get(0).otherWinnerVotes()).isZero();
    }

    @Test
    void aWinnerWithoutAColumnNeedsOfWhichOtherWinner() {
        assertThatThrownBy(() -> ResultsCsvParser.parse("""
                ONS ID,Constituency name,Region name,Country name,Electorate,Valid votes,First party,Lab,Con
                E14000001,Northfield Vale,North East,England,70000,45000,Ind,30000,15000
                """)).hasMessage("Line 2: the winner IND has no votes column and the file has no \"Of which other winner\" "
                + "column, so the winner's votes are unknown.");
    }

    @Test
    void a2019FileWithBrexitPartyImportsUnchanged() throws IOException {
        ElectionResults results = ResultsCsvParser.parse(resource("/elections/GE2019-sample.csv"));

        assertThat(results.parties()).containsExactly("CON", "LAB", "LD", "BRX", "GRN", "SNP", "PC", "DUP", "SF", "SDLP",
                "UUP", "APNI");
        assertThat(results.constituencies()).hasSize(4);
        ConstituencyResult brickLane = results.constituencies().get(3);
        assertThat(brickLane.secondParty()).isEqualTo("BRX");
        assertThat(brickLane.votesFor("BRX")).isEqualTo(12000);
        assertThat(brickLane.votesFor("RUK")).isZero();
        assertThat(results.constituencies().get(2).name()).isEqualTo("Loch Mòr");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        ElectionResults results = ResultsCsvParser.parse("\uFEFF" + SAMPLE_2024);

        assertThat(results.constituencies()).hasSize(5);
        assertThat(results.constituencies().get(0).onsId()).isEqualTo("E14000001");
    }

    @Test
    void quotedFieldsCrlfLineEndsAndTrailingBlankLines() {
        String quoted = SAMPLE_2024
                .replace("Northfield Vale", "\"Northfield \"\"Old\"\" Vale\"")
                .replace(",70000,45000,150,5000,15000,20000,", ",\"70,000\",\"45,000\",150,\"5,000\",\"15,000\",\"20,000\",")
                .replace("\n", "\r\n") + "\r\n\r\n  \r\n,,,\n";
        ElectionResults results = ResultsCsvParser.parse(quoted);

        ConstituencyResult first = results.constituencies().get(0);
        assertThat(first.name()).isEqualTo("Northfield \"Old\" Vale");
        assertThat(first.electorate()).isEqualTo(70000);
        assertThat(first.votesFor("LAB")).isEqualTo(20000);
        assertThat(results.constituencies().get(3).name()).isEqualTo("Bryn, Cwm and Môr");
        assertThat(results.constituencies()).isEqualTo(ResultsCsvParser.parse(SAMPLE_2024).constituencies().stream()
                .map(r -> r.onsId().equals("E14000001") ? renamed(r, "Northfield \"Old\" Vale") : r).toList());
    }

    @Test
    void anEmptyVoteCellIsZero() {
        ElectionResults results = ResultsCsvParser.parse(SAMPLE_2024.replace(",2000,0,0,0,0,0,0,0,1000,0", ",2000,,,,,,,,1000,"));

        assertThat(results.constituencies().get(0).votesFor("SNP")).isZero();
        assertThat(results.constituencies().get(0).otherWinnerVotes()).isZero();
    }

    @Test
    void aBadNumberNamesTheLineAndColumn() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",15000,20000,", ",15000,abc,")))
                .isInstanceOfSatisfying(ResultsFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("Line 2: \"Lab\" votes must be a whole number of 0 or more, not \"abc\".");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",2000,17000,", ",2000,-17000,")))
                .hasMessage("Line 3: \"Lab\" votes must be a whole number of 0 or more, not \"-17000\".");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",72000,48000,", ",72000.5,48000,")))
                .hasMessage("Line 3: \"Electorate\" must be a whole number of 0 or more, not \"72000.5\".");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",72000,48000,", ",,48000,")))
                .hasMessage("Line 3: \"Electorate\" must be a whole number of 0 or more, not \"\".");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",72000,48000,", ",9999999999,48000,")))
                .hasMessage("Line 3: \"Electorate\" must be at most 2,147,483,647, not \"9999999999\".");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",72000,48000,", ",\"72,00\",48000,")))
                .hasMessageStartingWith("Line 3: \"Electorate\" must be a whole number");
    }

    @Test
    void lineNumbersArePhysicalLinesOfTheFile() {
        // Line 2's quoted name spans two lines and the file has CRLF line ends, so the bad row is on line 4, not 3.
        String text = SAMPLE_2024.replace("Northfield Vale", "\"Northfield\nVale\"")
                .replace(",2000,17000,", ",2000,x,").replace("\n", "\r\n");

        assertThatThrownBy(() -> ResultsCsvParser.parse(text)).hasMessage(
                "Line 4: \"Lab\" votes must be a whole number of 0 or more, not \"x\".");
    }

    @Test
    void aDuplicateOnsIdNamesBothLines() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace("W07000001", "E14000002")))
                .hasMessage("Line 5: the ONS ID E14000002 is also on line 3.");
    }

    @Test
    void anOnsIdIsALetterAndEightDigits() {
        for (String bad : List.of("E1400000", "X14000001", "e14000001", "E140000011", "")) {
            assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace("E14000002", bad)))
                    .as(bad).hasMessage("Line 3: \"ONS ID\" must be a letter E, W, S or N and 8 digits, like E14001131, "
                            + "not \"" + bad + "\".");
        }
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",1000,0\n", ",1000\n")))
                .hasMessage("Line 2: the row has 31 fields; the header has 32.");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",1000,0\n", ",1000,0,7\n")))
                .hasMessage("Line 2: the row has more fields than the header's 32.");
    }

    @Test
    void theWinnerAndTheConstituencyNameMustNotBeEmpty() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",Ind gain from Lab,Ind,", ",Ind gain from Lab,,")))
                .hasMessage("Line 3: \"First party\" is empty.");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace("Glen Ard", " ")))
                .hasMessage("Line 6: \"Constituency name\" is empty.");
    }

    @Test
    void theFirstBadRowStopsTheImport() {
        String twoBad = SAMPLE_2024.replace("Eastgate", "x".repeat(201)).replace("Glen Ard", "y".repeat(201));

        assertThatThrownBy(() -> ResultsCsvParser.parse(twoBad))
                .hasMessage("Line 3: \"Constituency name\" is longer than 200 characters.");
    }

    @Test
    void anEmptyLineBeforeTheEndIsRefused() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace("\nE14000003", "\n\nE14000003")))
                .hasMessage("Line 4: the line is empty; only the end of the file may have empty lines.");
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRefused() {
        for (String empty : List.of("", "\uFEFF", " \n\r\n", "\uFEFF\n")) {
            assertThatThrownBy(() -> ResultsCsvParser.parse(empty)).hasMessage("The file is empty.");
        }
        assertThatThrownBy(() -> ResultsCsvParser.parse(null)).hasMessage("The file is empty.");
        for (String headerOnly : List.of(HEADER_2024, HEADER_2024 + "\n", HEADER_2024 + "\r\n\r\n")) {
            assertThatThrownBy(() -> ResultsCsvParser.parse(headerOnly)).hasMessage("The file has a header but no constituencies.");
        }
    }

    @Test
    void aMalformedHeaderIsRefused() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",SDLP,", ",Lab,")))
                .hasMessage("Line 1: the header has a \"Lab\" column twice.");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",SDLP,", ",GRN,")))
                .hasMessage("Line 1: the header has two vote columns for the party GRN.");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace(",SDLP,", ",,")))
                .hasMessage("Line 1: column 28 of the header, among the parties' votes, has no name.");
        assertThatThrownBy(() -> ResultsCsvParser.parse(HEADER_2024 + ",\"" + "x".repeat(10_000) + "\"\n"))
                .hasMessageStartingWith("Line 1: the header is longer than 10,000 characters.");
    }

    @Test
    void badQuotingIsRefused() {
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace("Glen Ard", "\"Glen\" Ard")))
                .hasMessage("Line 6: a quoted field has text after its closing quote (\").");
        assertThatThrownBy(() -> ResultsCsvParser.parse(SAMPLE_2024.replace("Glen Ard", "\"Glen Ard")))
                .hasMessage("Line 6: a quoted field has no closing quote (\").");
    }

    @Test
    void garbageFailsFast() {
        Random random = new Random(2024);
        char[] text = new char[10 * 1024 * 1024];
        for (int i = 0; i < text.length; i++) {
            text[i] = random.nextInt(60) == 0 ? '\n' : (char) (' ' + random.nextInt(95));
        }
        String randomText = new String(text);
        byte[] bytes = new byte[10 * 1024 * 1024];
        random.nextBytes(bytes);
        String binary = new String(bytes, StandardCharsets.ISO_8859_1);
        String oneLongLine = "x,".repeat(5 * 1024 * 1024);
        String garbageAfterHeader = HEADER_2024 + "\n" + randomText;
        String unclosedQuote = SAMPLE_2024 + "E14000009,\"" + randomText.replace("\"", "");
        String manyColumns = HEADER_2024 + "\n" + "1,".repeat(5 * 1024 * 1024);

        for (String garbage : List.of(randomText, binary, oneLongLine, garbageAfterHeader, unclosedQuote, manyColumns)) {
            assertTimeout(Duration.ofSeconds(1), () -> assertThatThrownBy(() -> ResultsCsvParser.parse(garbage))
                    .isInstanceOf(ResultsFormatException.class));
        }
        assertThatThrownBy(() -> ResultsCsvParser.parse(unclosedQuote)).hasMessage(
                "Line 7: a field is longer than 1,000 characters (is a closing quote missing?).");
    }

    @Test
    void aProblemWithoutALineIsJustTheProblem() {
        assertThat(new ResultsFormatException(0, "The file is empty.")).hasMessage("The file is empty.");
        ResultsFormatException atLine = new ResultsFormatException(12, "bad.");
        assertThat(atLine).hasMessage("Line 12: bad.");
        assertThat(atLine.line()).isEqualTo(12);
        assertThat(atLine.problem()).isEqualTo("bad.");
    }

    /** Rewrites a simple CSV (no quoted fields) with the named columns in the given order, dropping the rest. */
    static String reorder(String csv, List<String> columns) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> fields = splitOutsideQuotes(line);
            out.add(columns.stream().map(c -> fields.get(header.indexOf(c))).collect(Collectors.joining(",")));
        }
        return String.join("\n", out) + "\n";
    }

    private static List<String> splitOutsideQuotes(String line) {
        return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
    }

    private static ConstituencyResult renamed(ConstituencyResult r, String name) {
        return new ConstituencyResult(r.onsId(), name, r.region(), r.country(), r.electorate(), r.validVotes(),
                r.invalidVotes(), r.majority(), r.winner(), r.secondParty(), r.result(), r.memberName(), r.votes(),
                r.otherWinnerVotes());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ResultsCsvParserTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
