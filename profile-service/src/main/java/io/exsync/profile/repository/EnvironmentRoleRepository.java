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

    public void grant(UUID environmentId, UUID userId, String roleName) {
        if (findByIdOptional(new EnvironmentRole.Key(environmentId, userId, roleName)).isEmpty()) {
            persist(EnvironmentRole.of(environmentId, userId, roleName));
        }
    }

    public void revoke(UUID environmentId, UUID userId, String roleName) {
        delete("environmentId = ?1 and userId = ?2 and roleName = ?3", environmentId, userId, roleName);
    }
}
