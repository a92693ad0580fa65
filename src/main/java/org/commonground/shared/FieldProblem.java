package org.commonground.shared;

public record FieldProblem(String field, String message) {
}
