package io.exsync.events;

import java.util.UUID;

public sealed interface EnvironmentEvent extends ExSyncEvent {

    record EnvironmentRegistered(UUID environmentId, String tenantId, String name, String deployment,
                                 String version, String exchangeOnlineTenantId, UUID createdBy)
            implements EnvironmentEvent {
        @Override
        public String aggregateId() {
            return environmentId.toString();
        }
    }
}
