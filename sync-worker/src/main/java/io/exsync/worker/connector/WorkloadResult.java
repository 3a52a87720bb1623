package io.exsync.worker.connector;

import java.time.Duration;

/**
 * The outcome of testing one workload. {@code retryAfter} is what a throttling server asked for (null: not said).
 * {@code detail} is for logs and results; it never holds a secret.
 */
public record WorkloadResult(boolean succeeded, ErrorClass errorClass, String code, String detail,
                             Duration retryAfter) {

    public static WorkloadResult success() {
        return new WorkloadResult(true, null, null, null, null);
    }

    public static WorkloadResult failed(ConnectorException e) {
        return new WorkloadResult(false, e.errorClass(), e.code(), e.getMessage(), e.retryAfter());
    }

    public boolean is(ErrorClass kind) {
        return !succeeded && errorClass == kind;
    }
}
