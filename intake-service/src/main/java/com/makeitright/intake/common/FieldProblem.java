package com.makeitright.intake.common;

/** One bad field of a request, as it appears in a problem's {@code errors}: {@code {field, message}}. */
public record FieldProblem(String field, String message) {
}
