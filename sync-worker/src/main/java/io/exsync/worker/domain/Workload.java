package io.exsync.worker.domain;

public enum Workload {
    INCOMING, OUTGOING, ACT
}
