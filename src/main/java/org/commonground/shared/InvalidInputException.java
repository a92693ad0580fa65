package org.commonground.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bad input, with one plain-words message per form field, so each can be shown where it was typed. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(describe(problems));
        this.problems = new LinkedHashMap<>();
        problems.forEach(p -> this.problems.putIfAbsent(p.field(), p.message()));
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Field name to message, in the order the problems were found. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    public String messageFor(String field) {
        return problems.get(field);
    }

    private static String describe(List<FieldProblem> problems) {
        return String.join(" ", problems.stream().map(FieldProblem::message).toList());
    }
}
