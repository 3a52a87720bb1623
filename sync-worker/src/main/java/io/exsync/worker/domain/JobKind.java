package io.exsync.worker.domain;

public enum JobKind {
    MAILBOXES, PROFILE
}
