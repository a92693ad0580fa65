package org.commonground.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.commonground.election.results.Alliance;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.ElectionResults;
import org.commonground.election.results.ResultsCsvParser;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;

/**
 * Parsing the 650-row GE2024 results file and analysing its 650 seats, each timed warm (after warm-up runs, so the
 * JIT has compiled the code an app that has been up a while would run): median and worst of the measured runs, against
 * a target of under 50 ms. The file is the first argument, or the shared GE2024 file from the project folder.
 */
public final class SeatsBenchmark {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 200;
    private static final double TARGET_MS = 50;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/elections/HoC-GE2024-results-by-constituency.csv");
        String text = Files.readString(file);
        ElectionResults results = ResultsCsvParser.parse(text);
        List<ConstituencyResult> seats = results.constituencies();
        Alliance alliance = Alliance.standard();
        System.out.printf("%s: %,d characters, %d constituencies, %d parties; %d warm-up runs, then %d measured%n",
                file.getFileName(), text.length(), seats.size(), results.parties().size(), WARM_UP, MEASURED);

        report("parse the file", time(() -> ResultsCsvParser.parse(text)));
        report("analyse " + seats.size() + " seats", time(() -> SeatAnalysis.analyse(seats, alliance)));
        report("both", time(() -> SeatAnalysis.analyse(ResultsCsvParser.parse(text).constituencies(), alliance)));
        long targets = SeatAnalysis.analyse(seats, alliance).stream().filter(SeatVerdict::target).count();
        System.out.printf("(%d target seats for the standard alliance)%n", targets);
    }

    /** Milliseconds of each measured run, sorted. */
    private static double[] time(Supplier<?> work) {
        Object sink = null;
        for (int i = 0; i < WARM_UP; i++) {
            sink = work.get();
        }
        double[] ms = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        // Using the result keeps the JIT from discarding the work as dead code.
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] ms) {
        double worst = ms[ms.length - 1];
        System.out.printf("%-20s median %7.3f ms, worst %7.3f ms (target < %.0f ms: %s)%n", what, ms[ms.length / 2], worst,
                TARGET_MS, worst < TARGET_MS ? "met" : "MISSED");
        Summary.line("run-seats", what + ", worst of " + ms.length, "< 50 ms", Summary.ms(worst), worst < TARGET_MS);
    }

    private SeatsBenchmark() {
    }
}
