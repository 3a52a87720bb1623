package io.exsync.events;

import java.util.UUID;

/** Role assignments of users and teams; subject and key: the user or team id. */
public sealed interface RoleEvent extends ExSyncEvent {

    String principalType();

    UUID principalId();

    @Override
    default String aggregateId() {
        return principalId().toString();
    }

    record RoleAssigned(UUID environmentId, String principalType, UUID principalId, UUID roleId, String roleName,
                        UUID actorId) implements RoleEvent {
    }

    record RoleRevoked(UUID environmentId, String principalType, UUID principalId, UUID roleId, String roleName,
                       UUID actorId) implements RoleEvent {
    }
}
