package org.commonground.member;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonground.shared.FieldProblem;

/** What makes a password acceptable. Pure: no framework, no I/O. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Passwords of the minimum length that appear near the top of every breached-password list. */
    private static final Set<String> DENIED = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456789123", "password1234", "password12345",
            "password123!", "passwordpassword", "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y",
            "iloveyou1234", "letmein12345", "welcome12345", "administrator", "abcdefghijkl", "abc123456789",
            "football1234", "monkey123456", "111111111111", "000000000000", "aaaaaaaaaaaa", "changeme1234",
            "trustno1trustno1", "correcthorsebatterystaple", "commonground", "commonground1", "progressivealliance",
            "labourparty1", "greenparty12", "libdems12345");

    private PasswordRules() {
    }

    public static void check(String field, String password, String email, List<FieldProblem> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem(field, "Choose a password of at least " + MIN_LENGTH + " characters."));
            return;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add(new FieldProblem(field, "Use at least " + MIN_LENGTH + " characters (this one has " + length + ")."));
        } else if (length > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "Use at most " + MAX_LENGTH + " characters."));
        } else if (isCommon(password) || (email != null && password.equalsIgnoreCase(email.strip()))) {
            problems.add(new FieldProblem(field, "This password is too easy to guess. Try a few unrelated words."));
        }
    }

    static boolean isCommon(String password) {
        String p = password.toLowerCase(Locale.ROOT);
        return DENIED.contains(p) || p.chars().distinct().count() <= 2;
    }
}
