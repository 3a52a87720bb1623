package io.exsync.worker.domain;

/** The mailbox status columns' values (SPEC §4). */
public enum TestStatus {
    NOT_RUN, SUCCESS, FAILURE
}
