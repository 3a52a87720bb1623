package io.exsync.approval.rest;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The user whose Test &amp; Enable run asks to approve their own mailbox. */
public record SelfApprovalRequest(@NotNull UUID userId) {
}
