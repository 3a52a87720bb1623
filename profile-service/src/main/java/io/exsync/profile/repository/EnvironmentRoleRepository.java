package io.exsync.profile.repository;

import io.exsync.profile.domain.EnvironmentRole;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class EnvironmentRoleRepository implements PanacheRepositoryBase<EnvironmentRole, EnvironmentRole.Key> {

    public Set<String> roleNames(UUID environmentId, UUID userId) {
        return find("environmentId = ?1 and userId = ?2", environmentId, userId).stream()
                .map(role -> role.roleName).collect(Collectors.toSet());
    }

    /** Idempotent under concurrency (insert or nothing; a select-then-insert fails when two grants race). */
    public void grant(UUID environmentId, UUID userId, String roleName) {
        getEntityManager().createNativeQuery("""
                        insert into environment_role (environment_id, user_id, role_name) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, environmentId).setParameter(2, userId).setParameter(3, roleName)
                .executeUpdate();
    }

    public void revoke(UUID environmentId, UUID userId, String roleName) {
        delete("environmentId = ?1 and userId = ?2 and roleName = ?3", environmentId, userId, roleName);
    }
}
