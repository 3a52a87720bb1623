package io.exsync.worker.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/**
 * {@code PUT /api/v1/internal/jobs/{jobId}}: what the service answering 202 knows about the job it started.
 * {@code total} may be null for a PROFILE job only (its size is not known before the fan-out).
 */
public record RegisterJobRequest(
        @NotNull UUID environmentId,
        @NotNull @Pattern(regexp = "MAILBOXES|PROFILE", message = "must be MAILBOXES or PROFILE") String kind,
        @Min(value = 0, message = "must be between 0 and 1000000")
        @Max(value = 1_000_000, message = "must be between 0 and 1000000") Integer total,
        UUID profileId) {
}
