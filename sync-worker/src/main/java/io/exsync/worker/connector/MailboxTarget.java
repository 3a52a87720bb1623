package io.exsync.worker.connector;

import io.exsync.worker.domain.Workload;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The mailbox under test, the workloads its delivery methods put on server-side sync, and the test's deadline. */
public record MailboxTarget(UUID mailboxId, String emailAddress, Set<Workload> workloads, Instant deadline) {

    public long remainingMs() {
        return Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis());
    }

    public void checkDeadline() throws ConnectorException {
        if (Instant.now().isAfter(deadline)) {
            throw ConnectorException.unavailable("the mailbox test timed out");
        }
    }
}
