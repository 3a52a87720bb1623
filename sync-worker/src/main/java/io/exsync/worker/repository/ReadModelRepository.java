package io.exsync.worker.repository;

import io.exsync.worker.domain.EnvironmentTenant;
import io.exsync.worker.domain.ProfileInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/** The read models this worker keeps from exsync.profile.events. */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager entityManager;

    public ReadModelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void environment(UUID environmentId, String tenantId) {
        entityManager.createNativeQuery("""
                        insert into environment_tenant (environment_id, tenant_id) values (?1, ?2)
                        on conflict (environment_id) do update set tenant_id = excluded.tenant_id""")
                .setParameter(1, environmentId).setParameter(2, tenantId).executeUpdate();
    }

    public void profile(UUID profileId, UUID environmentId, String name, UUID ownerId,
                        boolean sendAlertEmailToOwner) {
        entityManager.createNativeQuery("""
                        insert into profile_info (profile_id, environment_id, name, owner_id, send_alert_email_to_owner)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (profile_id) do update set name = excluded.name, owner_id = excluded.owner_id,
                            send_alert_email_to_owner = excluded.send_alert_email_to_owner""")
                .setParameter(1, profileId).setParameter(2, environmentId).setParameter(3, name)
                .setParameter(4, ownerId).setParameter(5, sendAlertEmailToOwner).executeUpdate();
    }

    public Optional<String> tenantOf(UUID environmentId) {
        return Optional.ofNullable(entityManager.find(EnvironmentTenant.class, environmentId))
                .map(e -> e.tenantId);
    }

    public Optional<ProfileInfo> profile(UUID profileId) {
        return profileId == null ? Optional.empty()
                : Optional.ofNullable(entityManager.find(ProfileInfo.class, profileId));
    }
}
