package io.exsync.profile.service;

import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.outbox.Outbox;
import io.exsync.profile.domain.AuthenticationType;
import io.exsync.profile.domain.EmailServerProfile;
import io.exsync.profile.domain.EmailSettings;
import io.exsync.profile.domain.Environment;
import io.exsync.profile.domain.EnvironmentRole;
import io.exsync.profile.domain.Protocol;
import io.exsync.profile.domain.ServerType;
import io.exsync.profile.repository.EmailSettingsRepository;
import io.exsync.profile.repository.EnvironmentRepository;
import io.exsync.profile.repository.EnvironmentRoleRepository;
import io.exsync.profile.rest.EnvironmentRequest;
import io.exsync.profile.rest.EnvironmentResponse;
import io.exsync.profile.rest.ProfileRequest;
import io.exsync.support.problem.ApiException;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class EnvironmentService {

    public static final String EXCHANGE_ONLINE_PROFILE_NAME = "Microsoft Exchange Online";

    private final EnvironmentRepository environments;
    private final EmailSettingsRepository settings;
    private final EnvironmentRoleRepository roles;
    private final ProfileService profiles;
    private final EnvironmentAccess access;
    private final Outbox outbox;
    private final Caller caller;

    public EnvironmentService(EnvironmentRepository environments, EmailSettingsRepository settings,
                              EnvironmentRoleRepository roles, ProfileService profiles, EnvironmentAccess access,
                              Outbox outbox, Caller caller) {
        this.environments = environments;
        this.settings = settings;
        this.roles = roles;
        this.profiles = profiles;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * Registers an environment, its email settings and, when Exchange Online is in the same tenant, the default
     * profile "Microsoft Exchange Online" — all in one transaction with their events.
     */
    @Transactional
    public EnvironmentResponse register(EnvironmentRequest request) {
        if (!caller.isService()) {
            if (!caller.inGroup(Caller.GLOBAL_ADMINISTRATOR)) {
                throw ApiException.forbidden("Creating an environment requires the GlobalAdministrator role.");
            }
            if (!request.tenantId().equals(caller.tenantId())) {
                throw ApiException.forbidden("You can only create environments in your own tenant.");
            }
        }
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        if (environments.findById(id) != null) {
            throw new ApiException(409, "EnvironmentExists", "An environment with id " + id + " already exists.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Environment environment = new Environment();
        environment.id = id;
        environment.name = request.name();
        environment.tenantId = request.tenantId();
        environment.deployment = request.deployment();
        environment.version = request.version();
        environment.exchangeOnlineTenantId = request.exchangeOnlineTenantId();
        environment.createdBy = caller.userId();
        environment.createdOn = now;
        environments.persist(environment);

        EmailSettings emailSettings = new EmailSettings();
        emailSettings.environmentId = id;
        emailSettings.modifiedOn = now;
        settings.persist(emailSettings);
        // The creator is the first System Administrator (approval-service grants it from EnvironmentRegistered;
        // this read model must not wait for that round trip).
        if (!caller.isService()) {
            roles.grant(id, caller.userId(), EnvironmentRole.SYSTEM_ADMINISTRATOR);
        }
        outbox.append(new EnvironmentRegistered(id, environment.tenantId, environment.name,
                environment.deployment.name(), environment.version, environment.exchangeOnlineTenantId,
                environment.createdBy));

        if (request.tenantId().equals(request.exchangeOnlineTenantId())) {
            EmailServerProfile exchangeOnline = profiles.createInTransaction(environment, exchangeOnlineProfile(),
                    caller.userId());
            profiles.makeDefault(environment, emailSettings, exchangeOnline);
        }
        settings.flush();
        outbox.append(EmailSettingsService.changed(emailSettings));
        return EnvironmentResponse.of(environment, emailSettings.defaultProfileId);
    }

    @Transactional
    public EnvironmentResponse get(UUID environmentId) {
        Environment environment = access.readable(environmentId);
        return EnvironmentResponse.of(environment, settings.findById(environmentId).defaultProfileId);
    }

    private static ProfileRequest exchangeOnlineProfile() {
        return new ProfileRequest(EXCHANGE_ONLINE_PROFILE_NAME, ServerType.EXCHANGE_ONLINE,
                AuthenticationType.SERVER_TO_SERVER, Protocol.GRAPH, null, null, null, null, null, null, null, null,
                null, null, null, true, null, null, null, null, null, null, null, null, null);
    }
}
