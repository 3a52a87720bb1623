package io.exsync.mailbox.service;

import io.exsync.mailbox.domain.Enums.RegardingType;
import io.exsync.mailbox.domain.EnvironmentView;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.repository.ReadModelRepository;
import io.exsync.support.problem.ApiException;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read and write mailboxes (SPEC §2). Writes need the privilege MailboxWrite: at ORGANIZATION depth for
 * any mailbox, at USER depth for one's own user mailbox. Roles come from the read model of approval events; the
 * privilege depth of a role is known for the built-in roles (below). Service tokens are trusted internal callers.
 */
@ApplicationScoped
public class MailboxAccess {

    enum Depth { NONE, USER, ORGANIZATION }

    /** MailboxWrite of the built-in roles (approval-service defines them; custom roles' privileges are not published). */
    static final Map<String, Depth> MAILBOX_WRITE_BY_ROLE = Map.of(
            "System Administrator", Depth.ORGANIZATION,
            "Basic User", Depth.USER);

    private final ReadModelRepository readModels;
    private final Caller caller;

    public MailboxAccess(ReadModelRepository readModels, Caller caller) {
        this.readModels = readModels;
        this.caller = caller;
    }

    /**
     * The environment, if the caller's tenant owns it; 404 otherwise, also until its registration and email settings
     * have arrived (a mailbox created before would miss its default profile).
     */
    public EnvironmentView visible(UUID environmentId) {
        EnvironmentView environment = readModels.environment(environmentId);
        if (environment == null || !environment.settingsReceived
                || !(caller.isService() || environment.tenantId.equals(caller.tenantId()))) {
            throw ApiException.notFound("Environment " + environmentId);
        }
        return environment;
    }

    public EnvironmentView readable(UUID environmentId) {
        EnvironmentView environment = visible(environmentId);
        if (caller.isService() || caller.inGroup(Caller.GLOBAL_ADMINISTRATOR)
                || caller.inGroup(Caller.EXCHANGE_ADMINISTRATOR) || !roles(environment).isEmpty()) {
            return environment;
        }
        throw ApiException.forbidden("You need a security role in this environment, or the GlobalAdministrator or "
                + "ExchangeAdministrator directory role, to read it.");
    }

    /** Users, queues and bulk actions: MailboxWrite at ORGANIZATION depth. */
    public EnvironmentView organizationWriter(UUID environmentId) {
        EnvironmentView environment = visible(environmentId);
        if (!caller.isService() && mailboxWrite(environment) != Depth.ORGANIZATION) {
            throw ApiException.forbidden("The privilege MailboxWrite at ORGANIZATION depth is required.");
        }
        return environment;
    }

    /** One mailbox: ORGANIZATION depth, or USER depth for the caller's own user mailbox. */
    public void requireWrite(EnvironmentView environment, Mailbox mailbox) {
        if (caller.isService()) {
            return;
        }
        Depth depth = mailboxWrite(environment);
        boolean own = mailbox.regardingType == RegardingType.USER && mailbox.regardingId.equals(caller.userId());
        if (depth == Depth.ORGANIZATION || (depth == Depth.USER && own)) {
            return;
        }
        throw ApiException.forbidden(own
                ? "The privilege MailboxWrite (USER depth or more) is required."
                : "The privilege MailboxWrite at ORGANIZATION depth is required to change another's mailbox.");
    }

    private Depth mailboxWrite(EnvironmentView environment) {
        return roles(environment).stream().map(role -> MAILBOX_WRITE_BY_ROLE.getOrDefault(role, Depth.NONE))
                .max(Enum::compareTo).orElse(Depth.NONE);
    }

    private Set<String> roles(EnvironmentView environment) {
        return readModels.roleNames(environment.id, caller.userId());
    }
}
