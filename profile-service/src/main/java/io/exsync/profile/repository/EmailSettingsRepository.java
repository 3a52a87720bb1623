package io.exsync.profile.repository;

import io.exsync.profile.domain.EmailSettings;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class EmailSettingsRepository implements PanacheRepositoryBase<EmailSettings, UUID> {

    /** Locks the settings row: every change of the default profile serializes here. */
    public EmailSettings lock(UUID environmentId) {
        return findById(environmentId, LockModeType.PESSIMISTIC_WRITE);
    }
}
