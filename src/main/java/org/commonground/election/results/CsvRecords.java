package org.commonground.election.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RFC 4180 records one at a time (quoted fields, doubled quotes, CRLF, LF or CR line ends), keeping count of
 * physical lines so errors can name the line a record starts on. Fields and records are capped so that a binary or
 * garbage file fails fast instead of being buffered whole.
 */
final class CsvRecords {

    static final int MAX_FIELD_CHARS = 1_000;

    private final String text;
    private int position;
    private int physicalLine = 1;
    private int recordLine;

    CsvRecords(String text) {
        this.text = text;
    }

    /** The physical line (1-based) on which the record last returned by {@link #next} starts. */
    int line() {
        return recordLine;
    }

    /** The next record's fields, unstripped; null at the end of the text. */
    List<String> next(int maxFields) {
        if (position >= text.length()) {
            return null;
        }
        recordLine = physicalLine;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            if (position < text.length() && text.charAt(position) == '"') {
                readQuoted(field);
            } else {
                readPlain(field);
            }
            fields.add(field.toString());
            if (fields.size() > maxFields) {
                throw new ResultsFormatException(recordLine, "the row has more fields than the header's " + maxFields + ".");
            }
            if (position >= text.length()) {
                return fields;
            }
            char separator = text.charAt(position++);
            if (separator != ',') {
                if (separator == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                physicalLine++;
                return fields;
            }
        }
    }

    /** Whether only empty lines are left (white space, or commas as spreadsheets save empty rows), so they end the file quietly. */
    boolean restIsBlank() {
        for (int i = position; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') {
                return false;
            }
        }
        return true;
    }

    private void readPlain(StringBuilder field) {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ',' || c == '\n' || c == '\r') {
                return;
            }
            append(field, c, false);
            position++;
        }
    }

    private void readQuoted(StringBuilder field) {
        position++;
        while (true) {
            if (position >= text.length()) {
                throw new ResultsFormatException(recordLine, "a quoted field has no closing quote (\").");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    append(field, '"', true);
                    position++;
                    continue;
                }
                break;
            }
            // A CRLF inside quotes counts once, at its LF.
            if (c == '\n' || (c == '\r' && (position >= text.length() || text.charAt(position) != '\n'))) {
                physicalLine++;
            }
            append(field, c, true);
        }
        if (position < text.length() && ",\r\n".indexOf(text.charAt(position)) < 0) {
            throw new ResultsFormatException(recordLine, "a quoted field has text after its closing quote (\").");
        }
    }

    private void append(StringBuilder field, char c, boolean quoted) {
        if (field.length() == MAX_FIELD_CHARS) {
            throw new ResultsFormatException(recordLine, "a field is longer than " + String.format(Locale.ROOT, "%,d", MAX_FIELD_CHARS)
                    + " characters" + (quoted ? " (is a closing quote missing?)." : "."));
        }
        field.append(c);
    }
}
