package io.exsync.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public sealed interface MailboxEvent extends ExSyncEvent {

    UUID mailboxId();

    @Override
    default String aggregateId() {
        return mailboxId().toString();
    }

    record MailboxCreated(UUID environmentId, UUID mailboxId, Regarding regarding, String emailAddress,
                          UUID ownerId, UUID profileId, String incomingDeliveryMethod, String outgoingDeliveryMethod,
                          String actDeliveryMethod, String emailAddressApproval) implements MailboxEvent {
    }

    record MailboxConfigured(UUID environmentId, UUID mailboxId, String emailAddress, UUID profileId,
                             String incomingDeliveryMethod, String outgoingDeliveryMethod, String actDeliveryMethod,
                             boolean syncItemsOnlyFromThisOrg, OffsetDateTime processEmailReceivedAfter, String state,
                             List<String> changedFields) implements MailboxEvent {
    }

    /** One per mailbox of a Test &amp; Enable job: the snapshot the worker needs, so it never reads our database. */
    record TestAndEnableRequested(UUID environmentId, UUID mailboxId, UUID jobId, int jobTotal, String emailAddress,
                                  Regarding regarding, UUID ownerId, UUID profileId, String incomingDeliveryMethod,
                                  String outgoingDeliveryMethod, String actDeliveryMethod, String emailAddressApproval,
                                  boolean approvalRequired, UUID requestedBy) implements MailboxEvent {
    }

    record MailboxStatusChanged(UUID environmentId, UUID mailboxId, UUID jobId, String incomingEmailStatus,
                                String outgoingEmailStatus, String actStatus, String mailboxStatus,
                                boolean enabledForIncomingEmail, boolean enabledForOutgoingEmail, boolean enabledForAct)
            implements MailboxEvent {
    }
}
