package io.exsync.approval.repository;

import io.exsync.approval.domain.PrincipalType;
import io.exsync.approval.domain.RoleAssignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoleAssignmentRepository implements PanacheRepositoryBase<RoleAssignment, RoleAssignment.Key> {

    public Optional<RoleAssignment> find(UUID environmentId, PrincipalType type, UUID principalId, UUID roleId) {
        return findByIdOptional(new RoleAssignment.Key(environmentId, type, principalId, roleId));
    }

    public List<UUID> roleIdsOfUser(UUID environmentId, UUID userId) {
        return find("environmentId = ?1 and principalType = ?2 and principalId = ?3", environmentId,
                PrincipalType.USER, userId).stream().map(assignment -> assignment.roleId).toList();
    }

    public List<RoleAssignment> ofRole(UUID roleId) {
        return list("roleId", roleId);
    }

    public long holders(UUID roleId, PrincipalType type) {
        return count("roleId = ?1 and principalType = ?2", roleId, type);
    }
}
