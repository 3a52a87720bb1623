package io.exsync.approval.domain;

public enum ApprovalStatus { EMPTY, APPROVED, PENDING_APPROVAL, REJECTED }
