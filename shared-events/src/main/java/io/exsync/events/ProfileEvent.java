package io.exsync.events;

import java.util.List;
import java.util.UUID;

/** Email server profile events. Secrets are never part of them: consumers fetch connections over HTTP. */
public sealed interface ProfileEvent extends ExSyncEvent {

    UUID profileId();

    @Override
    default String aggregateId() {
        return profileId().toString();
    }

    /** {@code sendAlertEmailToOwner}: alert the owner when most of the profile's mailboxes fail (SPEC §6). */
    record ProfileCreated(UUID environmentId, UUID profileId, String name, String serverType,
                          String authenticationType, String protocol, String serverAuthority, String state,
                          boolean isDefault, UUID ownerId, int maxConcurrentConnections,
                          boolean sendAlertEmailToOwner) implements ProfileEvent {
    }

    record ProfileUpdated(UUID environmentId, UUID profileId, String name, String serverType,
                          String authenticationType, String protocol, String serverAuthority, String state,
                          UUID ownerId, int maxConcurrentConnections, List<String> changedFields,
                          boolean sendAlertEmailToOwner) implements ProfileEvent {
    }

    record ProfileDeactivated(UUID environmentId, UUID profileId) implements ProfileEvent {
    }

    /** Subject and key: the new default profile. */
    record DefaultProfileChanged(UUID environmentId, UUID profileId, UUID previousProfileId) implements ProfileEvent {
    }

    record ProfileTestRequested(UUID environmentId, UUID profileId, UUID jobId, UUID requestedBy)
            implements ProfileEvent {
    }
}
