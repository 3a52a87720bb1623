package io.exsync.profile.service;

import io.exsync.profile.domain.Deployment;
import io.exsync.profile.domain.Environment;
import io.exsync.profile.domain.EnvironmentRole;
import io.exsync.profile.repository.EnvironmentRepository;
import io.exsync.profile.repository.EnvironmentRoleRepository;
import io.exsync.support.DottedVersion;
import io.exsync.support.problem.ApiException;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Who may do what in an environment (SPEC §2). Roles come from the local read model of approval-service's events;
 * service tokens are trusted internal callers. A caller of another tenant learns nothing: 404.
 */
@ApplicationScoped
public class EnvironmentAccess {

    static final DottedVersion DELEGATED_APPROVER_SINCE = DottedVersion.parse("9.2.22104.00170");

    private final EnvironmentRepository environments;
    private final EnvironmentRoleRepository roles;
    private final Caller caller;

    public EnvironmentAccess(EnvironmentRepository environments, EnvironmentRoleRepository roles, Caller caller) {
        this.environments = environments;
        this.roles = roles;
        this.caller = caller;
    }

    /** The environment, if the caller's tenant owns it (or the caller is a service); 404 otherwise. */
    public Environment visible(UUID environmentId) {
        Environment environment = environments.findById(environmentId);
        if (environment == null || !(caller.isService() || environment.tenantId.equals(caller.tenantId()))) {
            throw ApiException.notFound("Environment " + environmentId);
        }
        return environment;
    }

    /** Reads: any role in the environment, or a tenant-level Global / Exchange administrator. */
    public Environment readable(UUID environmentId) {
        Environment environment = visible(environmentId);
        if (caller.isService() || caller.inGroup(Caller.GLOBAL_ADMINISTRATOR)
                || caller.inGroup(Caller.EXCHANGE_ADMINISTRATOR) || !rolesOfCaller(environment).isEmpty()) {
            return environment;
        }
        throw ApiException.forbidden("You need a security role in this environment, or the GlobalAdministrator or "
                + "ExchangeAdministrator directory role, to read it.");
    }

    /** Profiles, email settings: the environment role System Administrator. */
    public Environment administrable(UUID environmentId) {
        Environment environment = visible(environmentId);
        if (caller.isService() || rolesOfCaller(environment).contains(EnvironmentRole.SYSTEM_ADMINISTRATOR)) {
            return environment;
        }
        throw ApiException.forbidden("The System Administrator role of this environment is required.");
    }

    /**
     * The approval switches of the email settings: whoever may approve an Exchange Online mailbox when the
     * environment is ONLINE (SPEC §5 R1, without the privilege check), else System Administrator (R2).
     */
    public void requireApprovalSettingsAuthority(Environment environment) {
        if (caller.isService()) {
            return;
        }
        Set<String> environmentRoles = rolesOfCaller(environment);
        boolean systemAdministrator = environmentRoles.contains(EnvironmentRole.SYSTEM_ADMINISTRATOR);
        if (environment.deployment != Deployment.ONLINE) {
            if (!systemAdministrator) {
                throw ApiException.forbidden("Changing the approval settings requires the System Administrator role.");
            }
            return;
        }
        boolean delegatedApprover = environmentRoles.contains(EnvironmentRole.DELEGATED_MAILBOX_APPROVER)
                && DottedVersion.parse(environment.version).isAtLeast(DELEGATED_APPROVER_SINCE);
        boolean tenantAdministrator = caller.inGroup(Caller.GLOBAL_ADMINISTRATOR)
                || caller.inGroup(Caller.EXCHANGE_ADMINISTRATOR);
        if (!systemAdministrator || !(tenantAdministrator || delegatedApprover)) {
            throw ApiException.forbidden("Changing the approval settings of an online environment requires the System "
                    + "Administrator role together with GlobalAdministrator, ExchangeAdministrator or the Delegated "
                    + "Mailbox Approver role.");
        }
    }

    private Set<String> rolesOfCaller(Environment environment) {
        return roles.roleNames(environment.id, caller.userId());
    }
}
