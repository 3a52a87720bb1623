package io.exsync.approval.rest;

import io.exsync.approval.domain.ApprovalStatus;
import io.exsync.approval.domain.Mailbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An item of {@code GET /approvals}. */
public record ApprovalItem(UUID mailboxId, String emailAddress, RegardingDto regarding, ApprovalStatus status,
                           OffsetDateTime requestedOn) {

    public static ApprovalItem of(Mailbox mailbox) {
        return new ApprovalItem(mailbox.id, mailbox.emailAddress, RegardingDto.of(mailbox), mailbox.approvalStatus,
                mailbox.requestedOn);
    }
}
