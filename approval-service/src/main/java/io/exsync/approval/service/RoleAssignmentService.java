package io.exsync.approval.service;

import io.exsync.approval.config.ApprovalConfig;
import io.exsync.approval.domain.BuiltInRole;
import io.exsync.approval.domain.Environment;
import io.exsync.approval.domain.PrincipalType;
import io.exsync.approval.domain.RoleAssignment;
import io.exsync.approval.domain.SecurityRole;
import io.exsync.approval.domain.Team;
import io.exsync.approval.repository.RoleAssignmentRepository;
import io.exsync.approval.repository.SecurityRoleRepository;
import io.exsync.approval.repository.TeamRepository;
import io.exsync.approval.rest.RoleAssignmentResponse;
import io.exsync.approval.rest.SecurityRoleResponse;
import io.exsync.events.RoleEvent.RoleAssigned;
import io.exsync.events.RoleEvent.RoleRevoked;
import io.exsync.events.outbox.Outbox;
import io.exsync.support.DottedVersion;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Assigning and revoking roles, with the Delegated Mailbox Approver rules of SPEC §5 checked in the order the SPEC
 * gives: team (0x80090905), caller (0x80090904), environment version (DelegatedMailboxApproverNotAvailable).
 * For that role the tenant-level administrator check takes the place of the System Administrator requirement.
 */
@ApplicationScoped
public class RoleAssignmentService {

    public static final String CANNOT_ASSIGN_TO_TEAM = "0x80090905";
    public static final String CANNOT_ASSIGN_TO_TEAM_MESSAGE =
            "Failed to add role Delegated Mailbox Approver: CannotAssignDelegatedMailboxApproverRoleToTeam";
    public static final String NOT_A_TENANT_ADMINISTRATOR = "0x80090904";
    public static final String NOT_A_TENANT_ADMINISTRATOR_MESSAGE = "You must be an Office 365 Global Administrator "
            + "or an Exchange Administrator to assign the Delegated Mailbox Approver role.";
    public static final String NOT_AVAILABLE = "DelegatedMailboxApproverNotAvailable";

    private final SecurityRoleService roleService;
    private final SecurityRoleRepository roles;
    private final RoleAssignmentRepository assignments;
    private final TeamRepository teams;
    private final EnvironmentAccess access;
    private final Outbox outbox;
    private final Caller caller;
    private final DottedVersion delegatedApproverSince;

    public RoleAssignmentService(SecurityRoleService roleService, SecurityRoleRepository roles,
                                 RoleAssignmentRepository assignments, TeamRepository teams, EnvironmentAccess access,
                                 Outbox outbox, Caller caller, ApprovalConfig config) {
        this.roleService = roleService;
        this.roles = roles;
        this.assignments = assignments;
        this.teams = teams;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
        this.delegatedApproverSince = DottedVersion.parse(config.delegatedApproverSinceVersion());
    }

    /** Result of an assignment: {@code created} is false when the principal already held the role (no event). */
    public record Assignment(RoleAssignmentResponse response, boolean created) {
    }

    @Transactional
    public Assignment assignToUser(UUID environmentId, UUID userId, UUID roleId) {
        Environment environment = access.visible(environmentId);
        SecurityRole role = roleService.find(environmentId, roleId);
        authorize(environment, role);
        return assign(environment, PrincipalType.USER, userId, role);
    }

    @Transactional
    public Assignment assignToTeam(UUID environmentId, UUID teamId, UUID roleId) {
        Environment environment = access.visible(environmentId);
        Team team = teams.findInEnvironment(environmentId, teamId)
                .orElseThrow(() -> ApiException.notFound("Team " + teamId));
        SecurityRole role = roleService.find(environmentId, roleId);
        if (role.is(BuiltInRole.DELEGATED_MAILBOX_APPROVER)) {
            throw new ApiException(400, CANNOT_ASSIGN_TO_TEAM, CANNOT_ASSIGN_TO_TEAM_MESSAGE);
        }
        authorize(environment, role);
        return assign(environment, PrincipalType.TEAM, team.id, role);
    }

    @Transactional
    public void revokeFromUser(UUID environmentId, UUID userId, UUID roleId) {
        Environment environment = access.visible(environmentId);
        SecurityRole role = roleService.find(environmentId, roleId);
        if (role.is(BuiltInRole.DELEGATED_MAILBOX_APPROVER)) {
            requireTenantAdministrator();
        } else {
            access.requireSecurityAdministrator(environment);
        }
        RoleAssignment assignment = assignments.find(environmentId, PrincipalType.USER, userId, roleId)
                .orElseThrow(() -> ApiException.notFound("Role assignment of " + role.name + " to user " + userId));
        if (role.is(BuiltInRole.SYSTEM_ADMINISTRATOR) && assignments.holders(role.id, PrincipalType.USER) == 1) {
            throw new ApiException(409, "LastSystemAdministrator", "The environment's last System Administrator "
                    + "cannot lose the role; assign it to someone else first.");
        }
        assignments.delete(assignment);
        outbox.append(new RoleRevoked(environmentId, PrincipalType.USER.name(), userId, role.id, role.name,
                caller.userId()));
    }

    @Transactional
    public Page<SecurityRoleResponse> rolesOfUser(UUID environmentId, UUID userId, PageParams paging) {
        if (!Objects.equals(userId, caller.userId())) {
            access.readable(environmentId);
        } else {
            access.visible(environmentId);
        }
        List<SecurityRoleResponse> all = assignments.roleIdsOfUser(environmentId, userId).stream()
                .map(roles::findById).filter(Objects::nonNull)
                .sorted(Comparator.comparing((SecurityRole role) -> role.name).thenComparing(role -> role.id))
                .map(SecurityRoleResponse::of).toList();
        int from = (int) Math.min((long) paging.page * paging.size, all.size());
        int to = Math.min(from + paging.size, all.size());
        return new Page<>(all.subList(from, to), paging.page, paging.size, all.size());
    }

    /** The creator of a new environment becomes its first System Administrator (from EnvironmentRegistered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantInitial(Environment environment, SecurityRole systemAdministrator, UUID userId) {
        assign(environment, PrincipalType.USER, userId, systemAdministrator, userId);
    }

    private void authorize(Environment environment, SecurityRole role) {
        if (!role.is(BuiltInRole.DELEGATED_MAILBOX_APPROVER)) {
            access.requireSecurityAdministrator(environment);
            return;
        }
        requireTenantAdministrator();
        if (!delegatedApproverAvailable(environment)) {
            throw new ApiException(400, NOT_AVAILABLE, "The Delegated Mailbox Approver role can be assigned only in "
                    + "environments of version " + delegatedApproverSince + " or later; this one is "
                    + environment.version + ".");
        }
    }

    private void requireTenantAdministrator() {
        if (!(caller.isService() || caller.inGroup(Caller.GLOBAL_ADMINISTRATOR)
                || caller.inGroup(Caller.EXCHANGE_ADMINISTRATOR))) {
            throw new ApiException(403, NOT_A_TENANT_ADMINISTRATOR, NOT_A_TENANT_ADMINISTRATOR_MESSAGE);
        }
    }

    public boolean delegatedApproverAvailable(Environment environment) {
        try {
            return DottedVersion.parse(environment.version).isAtLeast(delegatedApproverSince);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Assignment assign(Environment environment, PrincipalType type, UUID principalId, SecurityRole role) {
        return assign(environment, type, principalId, role, caller.userId());
    }

    private Assignment assign(Environment environment, PrincipalType type, UUID principalId, SecurityRole role,
                              UUID actorId) {
        var existing = assignments.find(environment.id, type, principalId, role.id);
        if (existing.isPresent()) {
            return new Assignment(RoleAssignmentResponse.of(existing.get(), role), false);
        }
        RoleAssignment assignment = new RoleAssignment();
        assignment.environmentId = environment.id;
        assignment.principalType = type;
        assignment.principalId = principalId;
        assignment.roleId = role.id;
        assignment.assignedBy = actorId;
        assignment.assignedOn = OffsetDateTime.now(ZoneOffset.UTC);
        assignments.persist(assignment);
        outbox.append(new RoleAssigned(environment.id, type.name(), principalId, role.id, role.name, actorId));
        return new Assignment(RoleAssignmentResponse.of(assignment, role), true);
    }
}
