package io.exsync.events;

import java.time.OffsetDateTime;
import java.util.UUID;

public sealed interface MailboxTestEvent extends ExSyncEvent {

    /** {@code outcome}: SUCCEEDED, FAILED or CANCELLED; statuses NOT_RUN, SUCCESS or FAILURE. */
    record MailboxTestCompleted(UUID environmentId, UUID jobId, UUID mailboxId, String outcome,
                                String incomingEmailStatus, String outgoingEmailStatus, String actStatus,
                                String mailboxStatus, boolean enabledForIncomingEmail, boolean enabledForOutgoingEmail,
                                boolean enabledForAct, String errorCode, String message, boolean transientError,
                                int attempts, OffsetDateTime completedOn) implements MailboxTestEvent {
        @Override
        public String aggregateId() {
            return mailboxId.toString();
        }
    }

    /**
     * A transient error (not throttling) postponed the mailbox's test: the worker tries again at
     * {@code postponedUntil}. {@code transientFailureCount} counts the transient failures of this run so far.
     */
    record MailboxTestPostponed(UUID environmentId, UUID jobId, UUID mailboxId, int transientFailureCount,
                                OffsetDateTime postponedUntil, String errorCode, int attempts)
            implements MailboxTestEvent {
        @Override
        public String aggregateId() {
            return mailboxId.toString();
        }
    }
}
