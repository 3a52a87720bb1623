package io.exsync.support.problem;

import java.util.List;

/**
 * A business error with its HTTP status and stable code, e.g. {@code new ApiException(409, "ProfileIsDefault",
 * "Set another default profile first.")}. The message is shown to the client: never put a secret in it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem.Violation> violations;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public ApiException(int status, String code, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = violations;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NotFound", what + " was not found.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(400, "ValidationFailed", "The request is not valid.",
                List.of(new Problem.Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
