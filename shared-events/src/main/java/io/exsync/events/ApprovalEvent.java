package io.exsync.events;

import java.util.UUID;

public sealed interface ApprovalEvent extends ExSyncEvent {

    UUID mailboxId();

    @Override
    default String aggregateId() {
        return mailboxId().toString();
    }

    record ApprovalRequested(UUID environmentId, UUID mailboxId, String emailAddress, Regarding regarding)
            implements ApprovalEvent {
    }

    /** {@code path}: ROLE, DELEGATED_APPROVER, SELF, SELF_VIA_TEST_AND_ENABLE or PROGRAMMATIC; {@code rule}: the SPEC §5 rule. */
    record MailboxApproved(UUID environmentId, UUID mailboxId, String emailAddress, String path, String rule,
                           UUID actorId) implements ApprovalEvent {
    }

    record MailboxApprovalRejected(UUID environmentId, UUID mailboxId, String emailAddress, String path, String rule,
                                   UUID actorId) implements ApprovalEvent {
    }
}
