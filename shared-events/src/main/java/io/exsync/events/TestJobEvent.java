package io.exsync.events;

import java.util.UUID;

public sealed interface TestJobEvent extends ExSyncEvent {

    UUID jobId();

    @Override
    default String aggregateId() {
        return jobId().toString();
    }

    /** {@code kind}: MAILBOXES or PROFILE. */
    record TestJobStarted(UUID environmentId, UUID jobId, String kind, UUID profileId, int total, UUID requestedBy)
            implements TestJobEvent {
    }

    record TestJobCompleted(UUID environmentId, UUID jobId, String state, int total, int succeeded, int failed,
                            int cancelled) implements TestJobEvent {
    }
}
