package io.exsync.events;

import java.util.List;
import java.util.UUID;

public sealed interface AlertEvent extends ExSyncEvent {

    /** Subject and key: the regarding id (mailbox or profile). {@code count} grows when the same alert repeats. */
    record AlertRaised(UUID environmentId, UUID alertId, String level, String code, String workload, String message,
                       Regarding regarding, List<UUID> recipientIds, int count) implements AlertEvent {
        @Override
        public String aggregateId() {
            return regarding.id().toString();
        }
    }
}
