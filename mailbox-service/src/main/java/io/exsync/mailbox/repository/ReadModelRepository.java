package io.exsync.mailbox.repository;

import io.exsync.mailbox.domain.EnvironmentView;
import io.exsync.mailbox.domain.ProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The read models kept from other services' events: environments, profiles, users' roles. */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager entityManager;

    public ReadModelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public EnvironmentView environment(UUID id) {
        return entityManager.find(EnvironmentView.class, id);
    }

    public ProfileView profile(UUID id) {
        return entityManager.find(ProfileView.class, id);
    }

    public void save(Object readModel) {
        entityManager.merge(readModel);
    }

    public Set<String> roleNames(UUID environmentId, UUID userId) {
        return entityManager.createQuery("""
                        select r.roleName from EnvironmentRole r where r.environmentId = ?1 and r.userId = ?2""",
                        String.class)
                .setParameter(1, environmentId).setParameter(2, userId)
                .getResultStream().collect(Collectors.toSet());
    }

    /**
     * Idempotent under concurrency: the profile-events consumer (the creator's role from EnvironmentRegistered) and
     * the approval-events consumer (RoleAssigned) may grant the same role at the same moment; a select-then-insert
     * made the later commit fail on the primary key and dead-letter a valid event.
     */
    public void grant(UUID environmentId, UUID userId, String roleName) {
        entityManager.createNativeQuery("""
                        insert into environment_role (environment_id, user_id, role_name) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, environmentId).setParameter(2, userId).setParameter(3, roleName)
                .executeUpdate();
    }

    public void revoke(UUID environmentId, UUID userId, String roleName) {
        entityManager.createQuery(
                        "delete from EnvironmentRole r where r.environmentId = ?1 and r.userId = ?2 and r.roleName = ?3")
                .setParameter(1, environmentId).setParameter(2, userId).setParameter(3, roleName)
                .executeUpdate();
    }
}
