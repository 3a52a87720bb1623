package io.exsync.approval.repository;

import io.exsync.approval.domain.EmailSettings;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class EmailSettingsRepository implements PanacheRepositoryBase<EmailSettings, UUID> {

    public EmailSettings ofEnvironment(UUID environmentId) {
        return findByIdOptional(environmentId).orElseGet(() -> EmailSettings.defaults(environmentId));
    }
}
