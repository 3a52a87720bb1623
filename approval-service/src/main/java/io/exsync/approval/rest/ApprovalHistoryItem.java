package io.exsync.approval.rest;

import io.exsync.approval.domain.ApprovalPath;
import io.exsync.approval.domain.ApprovalRecord;
import io.exsync.approval.domain.Decision;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An item of {@code GET /mailboxes/{id}/approval-history}. */
public record ApprovalHistoryItem(Decision decision, ApprovalPath path, String rule, UUID actorId,
                                  OffsetDateTime at) {

    public static ApprovalHistoryItem of(ApprovalRecord record) {
        return new ApprovalHistoryItem(record.decision, record.path, record.rule, record.actorId, record.at);
    }
}
