package io.exsync.simulator.rest;

import java.util.List;

/** A control-API request that breaks the scenario rules; becomes a 400 problem body. */
public class ValidationException extends RuntimeException {

    private final transient List<Problem.Violation> violations;

    public ValidationException(List<Problem.Violation> violations) {
        super("The request is not valid.");
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
