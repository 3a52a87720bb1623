package io.exsync.worker.connector;

/** SPEC §6: permanent failures disable the workload at once, transient ones are retried, throttling only waits. */
public enum ErrorClass {
    PERMANENT, TRANSIENT, THROTTLED
}
