package io.exsync.approval.service;

import io.exsync.approval.domain.Depth;
import io.exsync.approval.domain.Privilege;
import io.exsync.approval.domain.RolePrivilege;
import io.exsync.approval.domain.SecurityRole;
import io.exsync.approval.repository.RoleAssignmentRepository;
import io.exsync.approval.repository.RolePrivilegeRepository;
import io.exsync.approval.repository.SecurityRoleRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a user may do in an environment through the roles assigned to them. Teams have no members in this service
 * yet (SPEC §4 has no membership endpoint), so a team's roles give its members nothing until membership exists.
 */
@ApplicationScoped
public class EntitlementService {

    private final RoleAssignmentRepository assignments;
    private final SecurityRoleRepository roles;
    private final RolePrivilegeRepository privileges;

    public EntitlementService(RoleAssignmentRepository assignments, SecurityRoleRepository roles,
                              RolePrivilegeRepository privileges) {
        this.assignments = assignments;
        this.roles = roles;
        this.privileges = privileges;
    }

    public Entitlements of(UUID environmentId, UUID userId) {
        List<UUID> roleIds = assignments.roleIdsOfUser(environmentId, userId);
        Set<String> builtIn = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (UUID roleId : roleIds) {
            SecurityRole role = roles.findById(roleId);
            if (role != null) {
                names.add(role.name);
                if (role.builtIn) {
                    builtIn.add(role.name);
                }
            }
        }
        Map<Privilege, Depth> widest = new EnumMap<>(Privilege.class);
        for (RolePrivilege privilege : privileges.ofRoles(roleIds)) {
            widest.merge(privilege.name, privilege.depth, (a, b) -> a.covers(b) ? a : b);
        }
        return new Entitlements(Set.copyOf(builtIn), Set.copyOf(names), Map.copyOf(widest));
    }
}
