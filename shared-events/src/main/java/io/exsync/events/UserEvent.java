package io.exsync.events;

import java.util.UUID;

public sealed interface UserEvent extends ExSyncEvent {

    record UserRegistered(UUID environmentId, UUID userId, String fullName, String email, String userPrincipalName,
                          UUID mailboxId) implements UserEvent {
        @Override
        public String aggregateId() {
            return userId.toString();
        }
    }
}
