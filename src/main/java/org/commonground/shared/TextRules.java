package org.commonground.shared;

import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by every form: trimmed length limits and a sane email address. No framework, no I/O. */
public final class TextRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    public static final int EMAIL_MAX = 254;

    private TextRules() {
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip();
    }

    public static void checkEmail(String field, String email, List<FieldProblem> problems) {
        String e = normaliseEmail(email);
        if (e.isEmpty()) {
            problems.add(new FieldProblem(field, "Enter an email address."));
        } else if (e.length() > EMAIL_MAX) {
            problems.add(new FieldProblem(field, "An email address can be at most " + EMAIL_MAX + " characters."));
        } else if (!EMAIL.matcher(e).matches()) {
            problems.add(new FieldProblem(field, "Enter an email address like name@example.org."));
        }
    }

    /** A single-line text such as a name: required, trimmed, at most {@code max} characters, no control characters. */
    public static void checkLine(String field, String label, String value, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, "Enter " + label + "."));
        } else if (v.length() > max) {
            problems.add(new FieldProblem(field, capitalise(label) + " can be at most " + max + " characters (this one has " + v.length() + ")."));
        } else if (CONTROL.matcher(v).find() || v.contains("\n")) {
            problems.add(new FieldProblem(field, capitalise(label) + " must be a single line of text."));
        }
    }

    public static void checkOptionalText(String field, String label, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, capitalise(label) + " can be at most " + max + " characters."));
        }
    }

    private static String capitalise(String label) {
        String bare = label.startsWith("a ") ? label.substring(2) : label.startsWith("an ") ? label.substring(3) : label;
        return Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
    }
}
