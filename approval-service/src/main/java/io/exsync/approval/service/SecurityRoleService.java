package io.exsync.approval.service;

import io.exsync.approval.domain.BuiltInRole;
import io.exsync.approval.domain.Depth;
import io.exsync.approval.domain.Environment;
import io.exsync.approval.domain.Privilege;
import io.exsync.approval.domain.RoleAssignment;
import io.exsync.approval.domain.RolePrivilege;
import io.exsync.approval.domain.SecurityRole;
import io.exsync.approval.repository.RoleAssignmentRepository;
import io.exsync.approval.repository.RolePrivilegeRepository;
import io.exsync.approval.repository.SecurityRoleRepository;
import io.exsync.approval.rest.PrivilegeDto;
import io.exsync.approval.rest.PrivilegesDto;
import io.exsync.approval.rest.SecurityRoleRequest;
import io.exsync.approval.rest.SecurityRoleResponse;
import io.exsync.events.RoleEvent.RoleRevoked;
import io.exsync.events.outbox.Outbox;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SecurityRoleService {

    private final SecurityRoleRepository roles;
    private final RolePrivilegeRepository privileges;
    private final RoleAssignmentRepository assignments;
    private final EnvironmentAccess access;
    private final Outbox outbox;
    private final Caller caller;

    public SecurityRoleService(SecurityRoleRepository roles, RolePrivilegeRepository privileges,
                               RoleAssignmentRepository assignments, EnvironmentAccess access, Outbox outbox,
                               Caller caller) {
        this.roles = roles;
        this.privileges = privileges;
        this.assignments = assignments;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public Page<SecurityRoleResponse> list(UUID environmentId, PageParams paging) {
        access.readable(environmentId);
        PanacheQuery<SecurityRole> query = roles.list(environmentId).page(paging.page, paging.size);
        return new Page<>(query.list().stream().map(SecurityRoleResponse::of).toList(), paging.page, paging.size,
                query.count());
    }

    @Transactional
    public SecurityRoleResponse get(UUID environmentId, UUID roleId) {
        access.readable(environmentId);
        return SecurityRoleResponse.of(find(environmentId, roleId));
    }

    @Transactional
    public SecurityRoleResponse create(UUID environmentId, SecurityRoleRequest request) {
        access.securityAdministrable(environmentId);
        Map<Privilege, Depth> granted = validated(request.privileges() == null ? List.of() : request.privileges());
        String name = request.name().strip();
        if (roles.nameTaken(environmentId, name)) {
            throw new ApiException(409, "RoleNameTaken", "A security role named '" + name
                    + "' already exists in this environment.");
        }
        SecurityRole role = newRole(environmentId, name, false);
        granted.forEach((privilege, depth) -> privileges.persist(RolePrivilege.of(role.id, privilege, depth)));
        return SecurityRoleResponse.of(role);
    }

    /** Deletes a custom role; whoever held it loses it (RoleRevoked for each). Built-in roles stay: 409. */
    @Transactional
    public void delete(UUID environmentId, UUID roleId) {
        access.securityAdministrable(environmentId);
        SecurityRole role = find(environmentId, roleId);
        if (role.builtIn) {
            throw new ApiException(409, "BuiltInRoleNotDeletable",
                    "The built-in role " + role.name + " cannot be deleted.");
        }
        for (RoleAssignment assignment : assignments.ofRole(role.id)) {
            outbox.append(new RoleRevoked(environmentId, assignment.principalType.name(), assignment.principalId,
                    role.id, role.name, caller.userId()));
            assignments.delete(assignment);
        }
        privileges.deleteOfRole(role.id);
        roles.delete(role);
    }

    @Transactional
    public PrivilegesDto privileges(UUID environmentId, UUID roleId) {
        access.readable(environmentId);
        SecurityRole role = find(environmentId, roleId);
        return new PrivilegesDto(privileges.ofRole(role.id).stream().map(PrivilegeDto::of).toList());
    }

    /** Replaces a custom role's privileges. Built-in roles are fixed (SPEC §4): 409. */
    @Transactional
    public PrivilegesDto replacePrivileges(UUID environmentId, UUID roleId, PrivilegesDto request) {
        access.securityAdministrable(environmentId);
        SecurityRole role = find(environmentId, roleId);
        Map<Privilege, Depth> granted = validated(request.privileges());
        if (role.builtIn) {
            throw new ApiException(409, "BuiltInRoleNotModifiable",
                    "The privileges of the built-in role " + role.name + " cannot be changed.");
        }
        privileges.deleteOfRole(role.id);
        privileges.flush();
        granted.forEach((privilege, depth) -> privileges.persist(RolePrivilege.of(role.id, privilege, depth)));
        return new PrivilegesDto(granted.entrySet().stream()
                .map(entry -> new PrivilegeDto(entry.getKey(), entry.getValue())).toList());
    }

    /** The built-in roles of a new environment (no caller: called from the EnvironmentRegistered consumer). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<BuiltInRole, SecurityRole> createBuiltInRoles(Environment environment) {
        Map<BuiltInRole, SecurityRole> created = new EnumMap<>(BuiltInRole.class);
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            SecurityRole role = newRole(environment.id, builtIn.roleName(), true);
            builtIn.privileges().forEach((privilege, depth) ->
                    privileges.persist(RolePrivilege.of(role.id, privilege, depth)));
            created.put(builtIn, role);
        }
        return created;
    }

    SecurityRole find(UUID environmentId, UUID roleId) {
        return roles.findInEnvironment(environmentId, roleId)
                .orElseThrow(() -> ApiException.notFound("Security role " + roleId));
    }

    private SecurityRole newRole(UUID environmentId, String name, boolean builtIn) {
        SecurityRole role = new SecurityRole();
        role.id = UUID.randomUUID();
        role.environmentId = environmentId;
        role.name = name;
        role.builtIn = builtIn;
        role.createdOn = OffsetDateTime.now(ZoneOffset.UTC);
        roles.persist(role);
        return role;
    }

    private static Map<Privilege, Depth> validated(List<PrivilegeDto> requested) {
        Map<Privilege, Depth> granted = new EnumMap<>(Privilege.class);
        Set<Privilege> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            PrivilegeDto privilege = requested.get(i);
            if (!seen.add(privilege.name())) {
                throw ApiException.validation("privileges[" + i + "].name", "is listed more than once");
            }
            granted.put(privilege.name(), privilege.depth());
        }
        return granted;
    }
}
