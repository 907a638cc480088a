package com.makeitright.intake.common;

import java.util.List;

/** A request broke one or more input rules; nothing was published. Becomes a 400 problem naming each field. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super("Invalid request: " + describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public static String describe(List<FieldProblem> problems) {
        return String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).sorted().toList());
    }
}
