package io.exsync.worker.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * SPEC §4: {@code GET /api/v1/jobs/{jobId}}. {@code etaSeconds} is null until a first result or once finished;
 * {@code total} is null while a profile-wide job waits for its fan-out to tell its size.
 */
public record JobResponse(UUID id, UUID environmentId, String kind, String state, Integer total, int completed,
                          int succeeded, int failed, int retrying, OffsetDateTime startedOn, OffsetDateTime finishedOn,
                          Long etaSeconds) {
}
