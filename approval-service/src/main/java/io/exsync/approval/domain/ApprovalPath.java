package io.exsync.approval.domain;

/** How an approval decision was reached (SPEC §4 approval-history {@code path}). */
public enum ApprovalPath { ROLE, DELEGATED_APPROVER, SELF, SELF_VIA_TEST_AND_ENABLE, PROGRAMMATIC }
