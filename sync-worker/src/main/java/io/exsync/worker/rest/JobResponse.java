package io.exsync.worker.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/** SPEC §4: {@code GET /api/v1/jobs/{jobId}}. {@code etaSeconds} is null until a first result or once finished. */
public record JobResponse(UUID id, UUID environmentId, String kind, String state, int total, int completed,
                          int succeeded, int failed, int retrying, OffsetDateTime startedOn, OffsetDateTime finishedOn,
                          Long etaSeconds) {
}
