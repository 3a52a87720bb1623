package io.exsync.approval.repository;

import io.exsync.approval.domain.BuiltInRole;
import io.exsync.approval.domain.SecurityRole;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SecurityRoleRepository implements PanacheRepositoryBase<SecurityRole, UUID> {

    public Optional<SecurityRole> findInEnvironment(UUID environmentId, UUID roleId) {
        return find("id = ?1 and environmentId = ?2", roleId, environmentId).firstResultOptional();
    }

    public Optional<SecurityRole> builtIn(UUID environmentId, BuiltInRole role) {
        return find("environmentId = ?1 and builtIn = true and name = ?2", environmentId, role.roleName())
                .firstResultOptional();
    }

    public boolean nameTaken(UUID environmentId, String name) {
        return count("environmentId = ?1 and lower(name) = lower(?2)", environmentId, name) > 0;
    }

    public PanacheQuery<SecurityRole> list(UUID environmentId) {
        return find("environmentId", Sort.by("builtIn", Sort.Direction.Descending).and("name").and("id"),
                environmentId);
    }
}
