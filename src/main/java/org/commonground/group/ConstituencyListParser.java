package org.commonground.group;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.shared.InvalidInputException;

/**
 * Reads the constituencies of a local group from text, one per line: "Bristol Central", "Bristol Central (E14001131)",
 * "E14001131 Bristol Central" or "E14001131, Bristol Central". Pure: no framework, no I/O.
 */
public final class ConstituencyListParser {

    public static final int MAX_CONSTITUENCIES = 60;
    public static final int MAX_NAME = 100;
    private static final String CODE = "([EWSN]\\d{8})";
    private static final Pattern NAME_THEN_CODE = Pattern.compile("^(.+?)[\\s,]*\\(?\\s*" + CODE + "\\s*\\)?$");
    private static final Pattern CODE_THEN_NAME = Pattern.compile("^" + CODE + "[\\s,;:-]+(.+)$");
    private static final Pattern LOOKS_LIKE_CODE = Pattern.compile("(?i)\\b[EWSN]\\d{2,}\\b");

    private ConstituencyListParser() {
    }

    public static List<Constituency> parse(String field, String text) {
        List<Constituency> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Constituency c = parseLine(line);
            String where = "Line " + (i + 1) + " (\u201c" + abbreviate(line) + "\u201d): ";
            if (c == null) {
                throw new InvalidInputException(field, where + "an ONS code is a letter E, W, S or N and 8 digits, like E14001131.");
            }
            if (c.name().length() > MAX_NAME) {
                throw new InvalidInputException(field, where + "a constituency name can be at most " + MAX_NAME + " characters.");
            }
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field, where + c.name() + " is listed twice.");
            }
            result.add(c);
        }
        if (result.size() > MAX_CONSTITUENCIES) {
            throw new InvalidInputException(field, "A local group can cover at most " + MAX_CONSTITUENCIES + " constituencies.");
        }
        return result;
    }

    private static Constituency parseLine(String line) {
        Matcher m = CODE_THEN_NAME.matcher(line);
        if (m.matches()) {
            return new Constituency(m.group(2).strip(), m.group(1));
        }
        m = NAME_THEN_CODE.matcher(line);
        if (m.matches()) {
            return new Constituency(m.group(1).strip(), m.group(2));
        }
        if (LOOKS_LIKE_CODE.matcher(line).find()) {
            return null;
        }
        return new Constituency(line, null);
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 39) + "\u2026";
    }
}
