package io.exsync.mailbox.service;

import io.exsync.events.MailboxEvent.MailboxConfigured;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.Regarding;
import io.exsync.mailbox.domain.Alert;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.rest.Dtos.AlertRegarding;
import io.exsync.mailbox.rest.Dtos.AlertResponse;
import io.exsync.mailbox.rest.Dtos.LastError;
import io.exsync.mailbox.rest.Dtos.MailboxResponse;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Mailboxes and alerts as DTOs and as events. */
final class MailboxViews {

    private MailboxViews() {
    }

    static MailboxResponse response(Mailbox m) {
        LastError lastError = m.lastErrorCode == null ? null
                : new LastError(m.lastErrorCode, m.lastErrorMessage, m.lastErrorOccurredOn, m.lastErrorTransient);
        return new MailboxResponse(m.id, m.environmentId,
                new io.exsync.mailbox.rest.Dtos.Regarding(m.regardingType.name(), m.regardingId, m.regardingName),
                m.emailAddress, m.ownerId, m.profileId, m.incomingDeliveryMethod.name(),
                m.outgoingDeliveryMethod.name(), m.actDeliveryMethod.name(), m.incomingEmailStatus.name(),
                m.outgoingEmailStatus.name(), m.actStatus.name(), m.mailboxStatus.name(),
                m.emailAddressApproval.name(), m.enabledForIncomingEmail, m.enabledForOutgoingEmail, m.enabledForAct,
                m.syncItemsOnlyFromThisOrg, m.processEmailReceivedAfter, m.lastTestCompletedOn, lastError,
                m.transientFailureCount, m.postponedUntil, m.state.name(), m.credentialsPasswordCiphertext != null);
    }

    static AlertResponse response(Alert a) {
        return new AlertResponse(a.id, a.level, a.code, a.workload, a.message,
                new AlertRegarding(a.regardingType, a.regardingId), Arrays.asList(a.recipientIds), a.createdOn,
                a.updatedOn, a.count);
    }

    static Regarding regarding(Mailbox m) {
        return new Regarding(m.regardingType.name(), m.regardingId, m.regardingName);
    }

    static MailboxCreated created(Mailbox m) {
        return new MailboxCreated(m.environmentId, m.id, regarding(m), m.emailAddress, m.ownerId, m.profileId,
                m.incomingDeliveryMethod.name(), m.outgoingDeliveryMethod.name(), m.actDeliveryMethod.name(),
                m.emailAddressApproval.name());
    }

    static MailboxConfigured configured(Mailbox m, List<String> changedFields) {
        return new MailboxConfigured(m.environmentId, m.id, m.emailAddress, m.profileId,
                m.incomingDeliveryMethod.name(), m.outgoingDeliveryMethod.name(), m.actDeliveryMethod.name(),
                m.syncItemsOnlyFromThisOrg, m.processEmailReceivedAfter, m.state.name(), changedFields);
    }

    static TestAndEnableRequested testRequested(Mailbox m, UUID jobId, int total, boolean approvalRequired,
                                                UUID requestedBy) {
        return new TestAndEnableRequested(m.environmentId, m.id, jobId, total, m.emailAddress, regarding(m),
                m.ownerId, m.profileId, m.incomingDeliveryMethod.name(), m.outgoingDeliveryMethod.name(),
                m.actDeliveryMethod.name(), m.emailAddressApproval.name(), approvalRequired, requestedBy);
    }
}
