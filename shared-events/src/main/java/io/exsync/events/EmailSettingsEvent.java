package io.exsync.events;

import java.util.UUID;

public sealed interface EmailSettingsEvent extends ExSyncEvent {

    record EmailSettingsChanged(UUID environmentId, UUID defaultProfileId, String incomingDeliveryMethod,
                                String outgoingDeliveryMethod, String actDeliveryMethod,
                                boolean processEmailsOnlyForApprovedUsers, boolean processEmailsOnlyForApprovedQueues,
                                boolean requirePrivilegeToSelfApproveEmailAddress, boolean notifyMailboxOwner)
            implements EmailSettingsEvent {
        @Override
        public String aggregateId() {
            return environmentId.toString();
        }
    }
}
