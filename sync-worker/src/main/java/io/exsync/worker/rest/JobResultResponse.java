package io.exsync.worker.rest;

import io.exsync.worker.domain.JobMailbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of {@code GET /api/v1/jobs/{jobId}/results}. */
public record JobResultResponse(UUID mailboxId, String emailAddress, String outcome, String incomingEmailStatus,
                                String outgoingEmailStatus, String actStatus, String mailboxStatus, String errorCode,
                                String message, int attempts, OffsetDateTime completedOn) {

    public static JobResultResponse from(JobMailbox row) {
        return new JobResultResponse(row.mailboxId, row.emailAddress, name(row.outcome), name(row.incomingStatus),
                name(row.outgoingStatus), name(row.actStatus), name(row.mailboxStatus), row.errorCode, row.message,
                row.attempts, row.completedOn);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
