package io.exsync.worker.domain;

public enum Outcome {
    SUCCEEDED, FAILED, CANCELLED
}
