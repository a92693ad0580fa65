package org.commonground.election.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random rows, wholesale, through the results import: every file is either imported exactly as written or
 * refused with a message that names a line of the file, never a stack trace.
 */
class ResultsCsvPropertiesTest {

    private static final String HEADER = "ONS ID,Constituency name,Region name,Country name,Electorate,Valid votes,Majority,"
            + "First party,Lab,Green,LD,All other candidates,Of which other winner";

    record Seat(int id, String name, String region, int electorate, int lab, int green, int ld, int others) {

        String onsId() {
            return "E14" + String.format("%06d", id);
        }

        List<String> cells() {
            return List.of(onsId(), name, region, "England", String.valueOf(electorate), String.valueOf(lab + green + ld + others),
                    "0", "Lab", String.valueOf(lab), String.valueOf(green), String.valueOf(ld), String.valueOf(others), "0");
        }
    }

    /** Names as members type them: commas, quotes, Welsh, right-to-left script, stray spaces inside. */
    private static Arbitrary<String> name() {
        return Arbitraries.strings().withChars("abcdefgh ,\"'ŵŷ\u05d0\u0627-").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank()).map(s -> "N" + s.strip());
    }

    @Provide
    Arbitrary<List<Seat>> seats() {
        Arbitrary<Integer> votes = Arbitraries.integers().between(0, 60_000);
        return Combinators.combine(name(), name(), votes, votes, votes, votes)
                .as((name, region, lab, green, ld, others) -> new Seat(0, name, region, 70_000, lab, green, ld, others))
                .list().ofMinSize(1).ofMaxSize(30)
                .map(list -> {
                    List<Seat> numbered = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Seat s = list.get(i);
                        numbered.add(new Seat(i + 1, s.name(), s.region(), s.electorate(), s.lab(), s.green(), s.ld(), s.others()));
                    }
                    return numbered;
                });
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (List<String> row : rows) {
            List<String> quoted = new ArrayList<>();
            for (String cell : row) {
                quoted.add(cell.matches("[^,\"\r\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"");
            }
            out.append(String.join(",", quoted)).append("\r\n");
        }
        return out.toString();
    }

    @Property(tries = 300)
    void wellFormedRowsAreImportedExactlyAsWritten(@ForAll("seats") List<Seat> seats) {
        ElectionResults results = ResultsCsvParser.parse(csv(seats.stream().map(Seat::cells).toList()));

        assertThat(results.constituencies()).hasSameSizeAs(seats);
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            ConstituencyResult read = results.constituencies().get(i);
            assertThat(read.onsId()).isEqualTo(seat.onsId());
            assertThat(read.name()).isEqualTo(seat.name());
            assertThat(read.region()).isEqualTo(seat.region());
            assertThat(read.votesFor("Lab")).isEqualTo(seat.lab());
            assertThat(read.votesFor("Green")).isEqualTo(seat.green());
            assertThat(read.votesFor("LD")).isEqualTo(seat.ld());
            assertThat(read.votes().get(ConstituencyResult.OTHER)).isEqualTo(seat.others());
        }
    }

    /** Junk as files hold it: control characters, stray quotes, negative and huge numbers, anything at all. */
    private static Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30), Arbitraries.strings().withChars("\",\r\n0-9 ").ofMaxLength(12),
                Arbitraries.of("", "-1", "99999999999", "1,000", "1,00", "E1400000A", "=HYPERLINK(\"x\")", "\u0000", "\"", "\"\"\"", "a\nb"),
                Arbitraries.strings().withChars('x').ofLength(5_000));
    }

    @Provide
    Arbitrary<String> damagedFile() {
        return Combinators.combine(seats(), Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 12), junk(),
                        Arbitraries.of("replace a cell", "drop a cell", "add a cell", "raw text after the row"))
                .as((seats, rowPick, cellPick, junk, damage) -> {
                    List<List<String>> rows = new ArrayList<>(seats.stream().map(s -> (List<String>) new ArrayList<>(s.cells())).toList());
                    List<String> row = rows.get(rowPick % rows.size());
                    switch (damage) {
                        case "replace a cell" -> row.set(cellPick % row.size(), junk);
                        case "drop a cell" -> row.remove(cellPick % row.size());
                        case "add a cell" -> row.add(cellPick % row.size(), junk);
                        default -> row.set(row.size() - 1, row.getLast() + "\r\n" + junk);
                    }
                    return csv(rows).replace("\"" + row.getLast() + "\r\n" + junk + "\"", row.getLast() + "\r\n" + junk);
                });
    }

    @Property(tries = 1_000)
    void aDamagedFileIsImportedOrRefusedNamingALineNeverAStackTrace(@ForAll("damagedFile") String file) {
        int lines = file.split("\r\n|\r|\n", -1).length;
        try {
            ResultsCsvParser.parse(file);
        } catch (ResultsFormatException refused) {
            assertThat(refused.problem()).isNotBlank();
            assertThat(refused.line()).isBetween(0, lines);
            assertThat(refused.getMessage()).doesNotContain("Exception");
        }
    }
}
