package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commonground.election.results.Alliance;
import org.commonground.election.results.ResultsCsvParser;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.election.results.SeatsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeatsCommandTest {

    static final Path GE2024 = Path.of("..", "shared", "data", "elections", "HoC-GE2024-results-by-constituency.csv");
    private static final String HEADER = "ons_id,constituency,winner,winner_votes,best_placed,alliance_votes,target,"
            + "region,country,best_placed_votes,gap,share_needed";

    @TempDir
    Path folder;

    @Test
    void analysesA2019FileWithTheStandardAlliance() throws Exception {
        Run run = run("--results", sample2019());

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).isEqualTo("""
                %s
                E14000901,Old Mill,CON,20000,LAB,22500,true,Yorkshire and The Humber,England,18000,2000,0.4447
                W07000901,Afon Ddu,LAB,16000,LAB,21000,false,Wales,Wales,16000,0,
                S14000901,Loch Mòr,SNP,18000,SNP,33000,false,Scotland,Scotland,18000,0,
                E14000902,Brick Lane End,CON,21000,LAB,7000,false,East Midlands,England,5000,16000,
                targets: 1
                """.formatted(HEADER));
    }

    @Test
    void aChosenAllianceAppliesEverywhere() throws Exception {
        Run run = run("--results", sample2019(), "--alliance", "LAB,LD,GRN", "--format", "csv");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.lines().toList()).contains(
                "W07000901,Afon Ddu,LAB,16000,LAB,19000,false,Wales,Wales,16000,0,",
                "S14000901,Loch Mòr,SNP,18000,LAB,15000,false,Scotland,Scotland,12000,6000,",
                "targets: 1");
    }

    @Test
    void analysesTheGeneralElectionOf2024() throws IOException {
        assertThat(GE2024).as("the shared GE2024 results file (run the tests from the project folder)").isRegularFile();
        Run run = run("--results", GE2024.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(652);
        assertThat(lines.get(0)).startsWith("ons_id,constituency,winner,winner_votes,best_placed,alliance_votes,target");
        List<SeatVerdict> verdicts = SeatAnalysis.analyse(
                ResultsCsvParser.parse(Files.readString(GE2024)).constituencies(), Alliance.standard());
        assertThat(lines.subList(1, 651)).isEqualTo(verdicts.stream().map(SeatsCsv::line).toList());
        long targets = lines.subList(1, 651).stream().filter(line -> line.contains(",true,")).count();
        assertThat(targets).isPositive();
        assertThat(lines.get(651)).isEqualTo("targets: " + targets);
        assertThat(lines).anyMatch(line -> line.contains(",Ynys Môn,"));
    }

    @Test
    void badArgumentsAreOneLineAndExitCode2() throws Exception {
        String file = sample2019();
        String usage = "Usage: seats --results FILE [--alliance LAB,LD,GRN] [--format csv]";

        assertFails(run(), "seats: --results FILE is missing. " + usage);
        assertFails(run("--results"), "seats: --results needs a value. " + usage);
        assertFails(run("--results", file, "--verbose"), "seats: unknown argument \"--verbose\". " + usage);
        assertFails(run("--results", file, "--format", "json"), "seats: the only format is csv, not \"json\". " + usage);
        assertFails(run("--results", file, "--results", file), "seats: --results is given twice. " + usage);
        assertFails(run("--results", file, "--alliance", " "),
                "seats: The alliance names no parties: list party codes separated by commas, like LAB,LD,GRN.");
        assertFails(run("--results", file, "--alliance", "LAB,GREN"), "seats: the results file has no votes column for "
                + "the alliance party GREN; its parties are CON, LAB, LD, BRX, GRN, SNP, PC, DUP, SF, SDLP, UUP, APNI.");
    }

    @Test
    void unreadableFilesAreOneLineAndExitCode2() throws Exception {
        Path missing = folder.resolve("missing.csv");
        Path binary = Files.write(folder.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});

        assertFails(run("--results", missing.toString()), "seats: there is no file \"" + missing + "\".");
        assertFails(run("--results", folder.toString()), "seats: \"" + folder + "\" is a folder, not a results file.");
        assertFails(run("--results", binary.toString()), "seats: \"" + binary + "\" is not UTF-8 text; is it a CSV file?");
    }

    @Test
    void aMalformedFileIsOneLineNamingTheFileAndTheLine() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.csv"),
                Files.readString(Path.of(sample2019())).replace("Afon Ddu,,Wales", "Afon Ddu,,Wales,extra"));
        Path notResults = Files.writeString(folder.resolve("notes.csv"), "name,email\nAda,ada@example.org\n");

        assertFails(run("--results", bad.toString()), "seats: " + bad + ": Line 3: the row has more fields than the header's 31.");
        assertFails(run("--results", notResults.toString()), "seats: " + notResults + ": The file has no \"ONS ID\" column. "
                + "Is it a House of Commons Library \"results by constituency\" file?");
    }

    private static void assertFails(Run run, String message) {
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo(message + System.lineSeparator());
    }

    private static String sample2019() throws URISyntaxException {
        return Path.of(SeatsCommandTest.class.getResource("/elections/GE2019-sample.csv").toURI()).toString();
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = SeatsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }
}
