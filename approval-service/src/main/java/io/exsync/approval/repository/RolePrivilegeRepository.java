package io.exsync.approval.repository;

import io.exsync.approval.domain.RolePrivilege;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RolePrivilegeRepository implements PanacheRepositoryBase<RolePrivilege, RolePrivilege.Key> {

    public List<RolePrivilege> ofRole(UUID roleId) {
        return list("roleId", Sort.by("name"), roleId);
    }

    public List<RolePrivilege> ofRoles(Collection<UUID> roleIds) {
        return roleIds.isEmpty() ? List.of() : list("roleId in ?1", roleIds);
    }

    public void deleteOfRole(UUID roleId) {
        delete("roleId", roleId);
    }
}
