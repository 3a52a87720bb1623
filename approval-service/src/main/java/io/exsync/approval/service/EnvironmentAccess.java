package io.exsync.approval.service;

import io.exsync.approval.domain.Environment;
import io.exsync.approval.repository.EnvironmentRepository;
import io.exsync.support.problem.ApiException;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Who may see and manage an environment's security (SPEC §2). A caller of another tenant learns nothing (404);
 * service tokens are trusted internal callers.
 */
@ApplicationScoped
public class EnvironmentAccess {

    private final EnvironmentRepository environments;
    private final EntitlementService entitlements;
    private final Caller caller;

    public EnvironmentAccess(EnvironmentRepository environments, EntitlementService entitlements, Caller caller) {
        this.environments = environments;
        this.entitlements = entitlements;
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
                || caller.inGroup(Caller.EXCHANGE_ADMINISTRATOR)
                || !entitlements.of(environmentId, caller.userId()).isEmpty()) {
            return environment;
        }
        throw ApiException.forbidden("You need a security role in this environment, or the GlobalAdministrator or "
                + "ExchangeAdministrator directory role, to read it.");
    }

    /** Security roles, teams and assignments: the environment role System Administrator (or a service token). */
    public Environment securityAdministrable(UUID environmentId) {
        Environment environment = visible(environmentId);
        requireSecurityAdministrator(environment);
        return environment;
    }

    public void requireSecurityAdministrator(Environment environment) {
        if (!caller.isService() && !entitlements.of(environment.id, caller.userId())
                .hasRole(ApprovalPolicy.SYSTEM_ADMINISTRATOR)) {
            throw ApiException.forbidden("The System Administrator role of this environment is required to manage "
                    + "security roles, teams and role assignments.");
        }
    }
}
