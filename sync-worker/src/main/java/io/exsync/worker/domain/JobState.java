package io.exsync.worker.domain;

public enum JobState {
    QUEUED, RUNNING, COMPLETED, CANCELLED
}
