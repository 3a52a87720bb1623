package io.exsync.approval.rest;

import io.exsync.approval.domain.ApprovalPath;
import io.exsync.approval.domain.ApprovalStatus;

import java.util.List;
import java.util.UUID;

/**
 * The answer of the internal self-approval endpoint: {@code approved} is true when the mailbox is APPROVED now
 * (by this call, or already before it); otherwise {@code reasons} say why not.
 */
public record SelfApprovalOutcome(UUID mailboxId, boolean approved, ApprovalStatus status, ApprovalPath path,
                                  String rule, List<String> reasons) {
}
