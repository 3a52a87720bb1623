package io.exsync.approval.rest;

import io.exsync.approval.domain.ApprovalPath;
import io.exsync.approval.domain.ApprovalRecord;
import io.exsync.approval.domain.ApprovalStatus;
import io.exsync.approval.domain.Decision;
import io.exsync.approval.domain.Mailbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to approve / reject: the mailbox's new status and the decision just recorded. */
public record ApprovalResponse(UUID mailboxId, String emailAddress, ApprovalStatus status, Decision decision,
                               ApprovalPath path, String rule, UUID actorId, OffsetDateTime at) {

    public static ApprovalResponse of(Mailbox mailbox, ApprovalRecord record) {
        return new ApprovalResponse(mailbox.id, mailbox.emailAddress, mailbox.approvalStatus, record.decision,
                record.path, record.rule, record.actorId, record.at);
    }
}
