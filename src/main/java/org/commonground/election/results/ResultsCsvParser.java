package org.commonground.election.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a House of Commons Library "results by constituency" CSV. Columns are found by header name, so other
 * elections' files (other party columns, columns in another order) import without code changes. The first bad line
 * stops the import with a message naming it: a file is imported whole or not at all. Pure: no framework, no I/O.
 */
public final class ResultsCsvParser {

    static final int MAX_HEADER_CHARS = 10_000;
    /** The UK has 650; the cap only stops a huge file that happens to look right from filling memory. */
    static final int MAX_CONSTITUENCIES = 5_000;
    /** Matching the database's limits, so an import that parsed is not refused later. */
    private static final int MAX_TEXT = 200;
    private static final int MAX_COUNTRY = 100;
    private static final int MAX_PARTY_CODE = 20;

    private static final String ONS_ID = "ONS ID";
    private static final String CONSTITUENCY_NAME = "Constituency name";
    private static final String REGION_NAME = "Region name";
    private static final String COUNTRY_NAME = "Country name";
    private static final String ELECTORATE = "Electorate";
    private static final String VALID_VOTES = "Valid votes";
    private static final String INVALID_VOTES = "Invalid votes";
    private static final String MAJORITY = "Majority";
    private static final String FIRST_PARTY = "First party";
    private static final String SECOND_PARTY = "Second party";
    private static final String RESULT = "Result";
    private static final String MEMBER_FIRST_NAME = "Member first name";
    private static final String MEMBER_SURNAME = "Member surname";
    private static final String ALL_OTHER_CANDIDATES = "All other candidates";
    private static final String OTHER_WINNER = "Of which other winner";

    private static final List<String> REQUIRED =
            List.of(ONS_ID, CONSTITUENCY_NAME, REGION_NAME, COUNTRY_NAME, ELECTORATE, VALID_VOTES, FIRST_PARTY);
    /** Every column the library publishes that is not a party's votes, lower-cased. */
    private static final Set<String> NOT_PARTIES = Set.of("ons id", "ons region id", "constituency name",
            "county name", "region name", "country name", "constituency type", "declaration time",
            "member first name", "member surname", "member gender", "result", "first party", "second party",
            "electorate", "valid votes", "invalid votes", "majority", "all other candidates", "of which other winner");

    private static final Pattern ONS_CODE = Pattern.compile("[EWSN][0-9]{8}");
    private static final String WHICH_FILE = "Is it a House of Commons Library \"results by constituency\" file?";

    private ResultsCsvParser() {
    }

    public static ElectionResults parse(String csvText) throws ResultsFormatException {
        String text = csvText == null ? "" : csvText.startsWith("\uFEFF") ? csvText.substring(1) : csvText;
        if (text.isBlank()) {
            throw new ResultsFormatException(0, "The file is empty.");
        }
        if (firstLineLength(text) > MAX_HEADER_CHARS) {
            throw new ResultsFormatException(1, "the header is longer than " + String.format(Locale.ROOT, "%,d", MAX_HEADER_CHARS)
                    + " characters. " + WHICH_FILE);
        }
        CsvRecords records = new CsvRecords(text);
        Columns columns = Columns.of(records.next(MAX_HEADER_CHARS));

        List<ConstituencyResult> results = new ArrayList<>();
        Map<String, Integer> lineOfOnsId = new HashMap<>();
        List<String> fields;
        while ((fields = records.next(columns.names.size())) != null) {
            int line = records.line();
            if (fields.stream().allMatch(String::isBlank)) {
                if (records.restIsBlank()) {
                    break;
                }
                throw new ResultsFormatException(line, "the line is empty; only the end of the file may have empty lines.");
            }
            if (fields.size() != columns.names.size()) {
                throw new ResultsFormatException(line, "the row has " + fields.size() + " fields; the header has "
                        + columns.names.size() + ".");
            }
            if (results.size() == MAX_CONSTITUENCIES) {
                throw new ResultsFormatException(line, "a results file has at most "
                        + String.format(Locale.ROOT, "%,d", MAX_CONSTITUENCIES) + " constituencies.");
            }
            results.add(new Row(columns, fields, line).read(lineOfOnsId));
        }
        if (results.isEmpty()) {
            throw new ResultsFormatException(0, "The file has a header but no constituencies.");
        }
        return new ElectionResults(columns.partyCodes, results);
    }

    /** Looks no further than one character past the limit, so a file with no line breaks is refused at once. */
    private static int firstLineLength(String text) {
        int limit = Math.min(text.length(), MAX_HEADER_CHARS + 1);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return limit;
    }

    /** Where each column is; -1 for an optional column the file does not have. */
    private static final class Columns {

        final List<String> names;
        private final Map<String, Integer> byName = new HashMap<>();
        private final Map<String, Integer> indexByName = new HashMap<>();
        final List<Integer> partyIndexes = new ArrayList<>();
        final List<String> partyCodes = new ArrayList<>();

        private Columns(List<String> names) {
            this.names = names.stream().map(String::strip).toList();
        }

        static Columns of(List<String> header) {
            Columns columns = new Columns(header);
            String twice = null;
            for (int i = 0; i < columns.names.size(); i++) {
                String name = columns.names.get(i);
                if (!name.isEmpty() && columns.byName.putIfAbsent(key(name), i) != null && twice == null) {
                    twice = name;
                }
            }
            // Missing columns first: for a file that is not a results file at all, that is the helpful message.
            for (String required : REQUIRED) {
                if (columns.index(required) < 0) {
                    throw new ResultsFormatException(0, "The file has no \"" + required + "\" column. " + WHICH_FILE);
                }
            }
            if (twice != null) {
                throw new ResultsFormatException(1, "the header has a \"" + twice + "\" column twice.");
            }
            columns.findParties();
            return columns;
        }

        int index(String name) {
            // Memoised: rows look their columns up by name, and lower-casing each time would allocate for every cell.
            Integer index = indexByName.get(name);
            if (index == null) {
                index = byName.getOrDefault(key(name), -1);
                indexByName.put(name, index);
            }
            return index;
        }

        /**
         * The library puts the parties' vote columns between "Majority" and "All other candidates" (taken in either
         * order). With only one of the two, the parties run from it to the nearest of the library's other columns;
         * with neither, they follow the last of those.
         */
        private void findParties() {
            int majority = index(MAJORITY);
            int allOthers = index(ALL_OTHER_CANDIDATES);
            int start;
            int end;
            if (majority >= 0 && allOthers >= 0) {
                start = Math.min(majority, allOthers) + 1;
                end = Math.max(majority, allOthers);
            } else if (majority >= 0) {
                start = majority + 1;
                end = start;
                while (end < names.size() && !isKnown(end)) {
                    end++;
                }
            } else {
                end = allOthers >= 0 ? allOthers : names.size();
                start = end;
                while (start > 0 && !isKnown(start - 1)) {
                    start--;
                }
            }
            for (int i = start; i < end; i++) {
                String name = names.get(i);
                if (isKnown(i)) {
                    continue;
                }
                if (name.isEmpty()) {
                    throw new ResultsFormatException(1, "column " + (i + 1) + " of the header, among the parties' votes, has no name.");
                }
                String code = PartyCodes.normalise(name);
                if (code.length() > MAX_PARTY_CODE) {
                    throw new ResultsFormatException(1, "the party column \"" + name + "\" has a name longer than "
                            + MAX_PARTY_CODE + " characters.");
                }
                if (partyCodes.contains(code) || (code.equals(ConstituencyResult.OTHER) && index(ALL_OTHER_CANDIDATES) >= 0)) {
                    throw new ResultsFormatException(1, "the header has two vote columns for the party " + code + ".");
                }
                partyIndexes.add(i);
                partyCodes.add(code);
            }
            if (partyIndexes.isEmpty()) {
                throw new ResultsFormatException(0, "The file has no party vote columns (such as \"Lab\" or \"Con\") between \""
                        + MAJORITY + "\" and \"" + ALL_OTHER_CANDIDATES + "\". " + WHICH_FILE);
            }
        }

        private boolean isKnown(int column) {
            return NOT_PARTIES.contains(key(names.get(column)));
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** One constituency's fields, read and checked with messages that name the line and the column. */
    private record Row(Columns columns, List<String> fields, int line) {

        ConstituencyResult read(Map<String, Integer> lineOfOnsId) {
            String onsId = text(ONS_ID, false, MAX_TEXT);
            if (!ONS_CODE.matcher(onsId).matches()) {
                throw problem("\"" + ONS_ID + "\" must be a letter E, W, S or N and 8 digits, like E14001131, not \""
                        + abbreviate(onsId) + "\".");
            }
            Integer earlier = lineOfOnsId.putIfAbsent(onsId, line);
            if (earlier != null) {
                throw problem("the ONS ID " + onsId + " is also on line " + earlier + ".");
            }
            String name = text(CONSTITUENCY_NAME, true, MAX_TEXT);
            String region = text(REGION_NAME, false, MAX_TEXT);
            String country = text(COUNTRY_NAME, true, MAX_COUNTRY);
            String winner = party(FIRST_PARTY, true);
            String secondParty = party(SECOND_PARTY, false);
            String result = text(RESULT, false, MAX_TEXT);
            String memberName = (text(MEMBER_FIRST_NAME, false, MAX_TEXT) + " " + text(MEMBER_SURNAME, false, MAX_TEXT)).strip();
            if (memberName.length() > MAX_TEXT) {
                throw problem("the member's name is longer than " + MAX_TEXT + " characters.");
            }

            Map<String, Integer> votes = new LinkedHashMap<>();
            for (int p = 0; p < columns.partyIndexes.size(); p++) {
                votes.put(columns.partyCodes.get(p), number(columns.partyIndexes.get(p), true, true));
            }
            int allOthers = columns.index(ALL_OTHER_CANDIDATES);
            if (allOthers >= 0) {
                votes.put(ConstituencyResult.OTHER, number(allOthers, true, true));
            }
            int otherWinner = columns.index(OTHER_WINNER);
            if (otherWinner < 0 && (!votes.containsKey(winner) || winner.equals(ConstituencyResult.OTHER))) {
                throw problem("the winner " + winner + " has no votes column and the file has no \"" + OTHER_WINNER
                        + "\" column, so the winner's votes are unknown.");
            }
            return new ConstituencyResult(onsId, name, region, country,
                    number(columns.index(ELECTORATE), false, false), number(columns.index(VALID_VOTES), false, false),
                    number(columns.index(INVALID_VOTES), true, false), number(columns.index(MAJORITY), true, false),
                    winner, secondParty, result, memberName, votes, number(otherWinner, true, true));
        }

        private String text(String column, boolean required, int maxLength) {
            int index = columns.index(column);
            String value = index < 0 ? "" : fields.get(index).strip();
            if (required && value.isEmpty()) {
                throw problem("\"" + columns.names.get(index) + "\" is empty.");
            }
            if (value.length() > maxLength) {
                throw problem("\"" + columns.names.get(index) + "\" is longer than " + maxLength + " characters.");
            }
            return value;
        }

        private String party(String column, boolean required) {
            String code = PartyCodes.normalise(text(column, required, MAX_TEXT));
            if (code.length() > MAX_PARTY_CODE) {
                throw problem("\"" + columns.names.get(columns.index(column)) + "\" must be a party's abbreviation of at most "
                        + MAX_PARTY_CODE + " characters, not \"" + abbreviate(code) + "\".");
            }
            return code;
        }

        /** A missing optional column, or an empty cell where that is allowed, counts as 0. */
        private int number(int index, boolean emptyIsZero, boolean isVotes) {
            if (index < 0) {
                return 0;
            }
            String value = fields.get(index).strip();
            if (value.isEmpty() && emptyIsZero) {
                return 0;
            }
            long number = wholeNumber(value);
            String what = "\"" + columns.names.get(index) + "\"" + (isVotes ? " votes" : "");
            if (number < 0) {
                throw problem(what + " must be a whole number of 0 or more, not \"" + abbreviate(value) + "\".");
            }
            if (number > Integer.MAX_VALUE) {
                throw problem(what + " must be at most " + String.format(Locale.ROOT, "%,d", Integer.MAX_VALUE)
                        + ", not \"" + value + "\".");
            }
            return (int) number;
        }

        /**
         * Plain digits (at most 10), or digits grouped in thousands as spreadsheets write them ("12,345"); -1 for
         * anything else. By hand rather than by regular expression: a file has some 10,000 numbers.
         */
        private static long wholeNumber(String value) {
            long number = 0;
            int digitsInGroup = 0;
            boolean grouped = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9') {
                    number = number * 10 + (c - '0');
                    digitsInGroup++;
                } else if (c == ',' && digitsInGroup > 0 && (grouped ? digitsInGroup == 3 : digitsInGroup <= 3)) {
                    grouped = true;
                    digitsInGroup = 0;
                } else {
                    return -1;
                }
                if (digitsInGroup > 10 || i >= 13) {
                    return -1;
                }
            }
            return digitsInGroup > 0 && (!grouped || digitsInGroup == 3) ? number : -1;
        }

        private ResultsFormatException problem(String problem) {
            return new ResultsFormatException(line, problem);
        }

        /** Short, and on one line whatever the file held, so the message fits a form or a log line. */
        private static String abbreviate(String value) {
            String shown = value.length() <= 40 ? value : value.substring(0, 39) + "\u2026";
            return shown.replaceAll("\\p{Cntrl}", "\uFFFD");
        }
    }
}
