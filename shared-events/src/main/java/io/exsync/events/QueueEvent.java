package io.exsync.events;

import java.util.UUID;

public sealed interface QueueEvent extends ExSyncEvent {

    record QueueRegistered(UUID environmentId, UUID queueId, String name, String email, UUID ownerId,
                           UUID mailboxId) implements QueueEvent {
        @Override
        public String aggregateId() {
            return queueId.toString();
        }
    }
}
