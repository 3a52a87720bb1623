package io.exsync.worker.domain;

/** Where one mailbox of a job is: waiting (QUEUED, RETRYING until due_at), being tested (RUNNING), or DONE. */
public enum WorkState {
    QUEUED, RUNNING, RETRYING, DONE
}
