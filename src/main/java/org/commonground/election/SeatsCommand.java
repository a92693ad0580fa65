package org.commonground.election;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.commonground.election.results.Alliance;
import org.commonground.election.results.ElectionResults;
import org.commonground.election.results.ResultsCsvParser;
import org.commonground.election.results.ResultsFormatException;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.election.results.SeatsCsv;

/**
 * {@code seats --results FILE [--alliance LAB,LD,GRN] [--format csv]}: the seat analysis of a House of Commons
 * Library "results by constituency" file as CSV, one line per constituency in the file's order, then
 * {@code targets: N}. Runs without the web server or the database.
 */
public final class SeatsCommand {

    private static final String USAGE = "Usage: seats --results FILE [--alliance LAB,LD,GRN] [--format csv]";
    /** Well above any results file (the 2024 one is about 115 KB), and small enough to read whole. */
    private static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private SeatsCommand() {
    }

    /** Returns the exit code: 0, or 2 after one line on {@code err} (and nothing on {@code out}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            Alliance alliance = options.alliance() == null ? Alliance.standard() : Alliance.parse(options.alliance());
            ElectionResults results = parse(options.results());
            if (options.alliance() != null) {
                requireColumns(alliance, results);
            }
            List<SeatVerdict> verdicts = SeatAnalysis.analyse(results.constituencies(), alliance);
            StringBuilder csv = new StringBuilder(SeatsCsv.header()).append('\n');
            verdicts.forEach(v -> csv.append(SeatsCsv.line(v)).append('\n'));
            csv.append("targets: ").append(verdicts.stream().filter(SeatVerdict::target).count()).append('\n');
            // Raw bytes: the CSV is UTF-8 ("Ynys Môn") whatever the terminal's locale would make of it.
            out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        } catch (CommandException | IllegalArgumentException e) {
            err.println("seats: " + e.getMessage());
            return 2;
        }
    }

    private static ElectionResults parse(String file) {
        try {
            return ResultsCsvParser.parse(read(file));
        } catch (ResultsFormatException e) {
            // Names the file, so the message stands alone in a script's log.
            throw new CommandException(file + ": " + e.getMessage());
        }
    }

    private static String read(String file) {
        Path path = Path.of(file);
        try {
            if (Files.isDirectory(path)) {
                throw new CommandException("\"" + file + "\" is a folder, not a results file.");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new CommandException("\"" + file + "\" is larger than 20 MB; a results file is far smaller.");
            }
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new CommandException("there is no file \"" + file + "\".");
        } catch (AccessDeniedException e) {
            throw new CommandException("\"" + file + "\" cannot be read: permission denied.");
        } catch (CharacterCodingException e) {
            throw new CommandException("\"" + file + "\" is not UTF-8 text; is it a CSV file?");
        } catch (IOException e) {
            throw new CommandException("\"" + file + "\" cannot be read: " + e.getMessage());
        }
    }

    /** A party named on the command line that has no column is most likely a typing mistake, which would silently count 0. */
    private static void requireColumns(Alliance alliance, ElectionResults results) {
        for (String party : alliance.everywhere()) {
            if (!results.parties().contains(party)) {
                throw new CommandException("the results file has no votes column for the alliance party " + party
                        + "; its parties are " + String.join(", ", results.parties()) + ".");
            }
        }
    }

    private record Options(String results, String alliance) {

        static Options parse(String[] args) {
            String results = null;
            String alliance = null;
            String format = null;
            for (int i = 0; i < args.length; i += 2) {
                String option = args[i];
                if (!List.of("--results", "--alliance", "--format").contains(option)) {
                    throw new CommandException("unknown argument \"" + option + "\". " + USAGE);
                }
                if (i + 1 >= args.length) {
                    throw new CommandException(option + " needs a value. " + USAGE);
                }
                String value = args[i + 1];
                switch (option) {
                    case "--results" -> results = once(option, results, value);
                    case "--alliance" -> alliance = once(option, alliance, value);
                    default -> format = once(option, format, value);
                }
            }
            if (format != null && !format.equals("csv")) {
                throw new CommandException("the only format is csv, not \"" + format + "\". " + USAGE);
            }
            if (results == null) {
                throw new CommandException("--results FILE is missing. " + USAGE);
            }
            return new Options(results, alliance);
        }

        private static String once(String option, String previous, String value) {
            if (previous != null) {
                throw new CommandException(option + " is given twice. " + USAGE);
            }
            return value;
        }
    }

    private static final class CommandException extends RuntimeException {
        CommandException(String message) {
            super(message);
        }
    }
}
