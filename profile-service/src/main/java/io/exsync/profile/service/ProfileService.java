package io.exsync.profile.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exsync.events.ProfileEvent.DefaultProfileChanged;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.ProfileEvent.ProfileDeactivated;
import io.exsync.events.ProfileEvent.ProfileTestRequested;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.outbox.Outbox;
import io.exsync.profile.config.ProfileConfig;
import io.exsync.profile.domain.EmailServerProfile;
import io.exsync.profile.domain.EmailSettings;
import io.exsync.profile.domain.Environment;
import io.exsync.profile.domain.MailServer;
import io.exsync.profile.domain.ProfileState;
import io.exsync.profile.domain.ServerAuthority;
import io.exsync.profile.domain.ServerType;
import io.exsync.profile.repository.EmailSettingsRepository;
import io.exsync.profile.repository.ProfileRepository;
import io.exsync.profile.rest.ConnectionResponse;
import io.exsync.profile.rest.CredentialsRequest;
import io.exsync.profile.rest.MailServerDto;
import io.exsync.profile.rest.ProfileRequest;
import io.exsync.profile.rest.ProfileResponse;
import io.exsync.profile.rest.TestJobAccepted;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.secrets.EncryptedSecret;
import io.exsync.support.secrets.SecretCipher;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Email server profiles: create, patch, deactivate, default, Test &amp; Enable request, and the internal connection. */
@ApplicationScoped
public class ProfileService {

    private final ProfileRepository profiles;
    private final EmailSettingsRepository settings;
    private final EnvironmentAccess access;
    private final ProfileRules rules;
    private final SecretCipher cipher;
    private final Outbox outbox;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final ProfileConfig config;

    public ProfileService(ProfileRepository profiles, EmailSettingsRepository settings, EnvironmentAccess access,
                          ProfileRules rules, SecretCipher cipher, Outbox outbox, Caller caller, ObjectMapper json,
                          Validator validator, ProfileConfig config) {
        this.profiles = profiles;
        this.settings = settings;
        this.access = access;
        this.rules = rules;
        this.cipher = cipher;
        this.outbox = outbox;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
        this.config = config;
    }

    @Transactional
    public ProfileResponse create(UUID environmentId, ProfileRequest request) {
        Environment environment = access.administrable(environmentId);
        EmailServerProfile profile = createInTransaction(environment, request, caller.userId());
        if (Boolean.TRUE.equals(request.setAsDefaultForNewMailboxes())) {
            EmailSettings emailSettings = settings.lock(environmentId);
            makeDefault(environment, emailSettings, profile);
            outbox.append(EmailSettingsService.changed(emailSettings));
        }
        return response(profile);
    }

    /** Creates a profile inside the caller's transaction (also used when an environment is registered). */
    EmailServerProfile createInTransaction(Environment environment, ProfileRequest request, UUID creator) {
        ProfileRequest resolved = withDefaults(request, creator);
        boolean hasPassword = resolved.credentials() != null && resolved.credentials().password() != null;
        rules.check(resolved, hasPassword);
        requireUniqueName(environment.id, resolved.name(), null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EmailServerProfile profile = new EmailServerProfile();
        profile.id = UUID.randomUUID();
        profile.environmentId = environment.id;
        profile.createdOn = now;
        apply(profile, resolved, now);
        profiles.persist(profile);
        outbox.append(new ProfileCreated(environment.id, profile.id, profile.name, profile.serverType.name(),
                profile.authenticationType.name(), profile.protocol.name(), profile.serverAuthority.name(),
                profile.state.name(), false, profile.ownerId, profile.maxConcurrentConnections,
                profile.sendAlertEmailToOwner));
        return profile;
    }

    /** A JSON merge patch (RFC 7386) over the current values, validated like a create. */
    @Transactional
    public ProfileResponse update(UUID environmentId, UUID profileId, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        Environment environment = access.administrable(environmentId);
        EmailServerProfile profile = find(environmentId, profileId);
        ProfileRequest before = toRequest(profile);
        ObjectNode merged = json.valueToTree(before);
        mergePatch(merged, patch);
        ProfileRequest after = readValidated(merged);
        ProfileRequest resolved = withDefaults(after, profile.ownerId);
        boolean passwordKept = profile.passwordCiphertext != null && after.credentials() != null;
        boolean hasPassword = passwordKept || (after.credentials() != null && after.credentials().password() != null);
        rules.check(resolved, hasPassword);
        requireUniqueName(environmentId, resolved.name(), profile.id);

        List<String> changed = changedFields(before, resolved, patch);
        boolean deactivating = profile.state == ProfileState.ACTIVE && resolved.state() == ProfileState.INACTIVE;
        EmailSettings emailSettings = null;
        if (deactivating || Boolean.TRUE.equals(resolved.setAsDefaultForNewMailboxes())) {
            emailSettings = settings.lock(environmentId);
        }
        if (deactivating && profile.id.equals(emailSettings.defaultProfileId)) {
            throw profileIsDefault();
        }
        apply(profile, resolved, OffsetDateTime.now(ZoneOffset.UTC));
        if (!changed.isEmpty()) {
            outbox.append(new ProfileUpdated(environmentId, profile.id, profile.name, profile.serverType.name(),
                    profile.authenticationType.name(), profile.protocol.name(), profile.serverAuthority.name(),
                    profile.state.name(), profile.ownerId, profile.maxConcurrentConnections, changed,
                    profile.sendAlertEmailToOwner));
        }
        if (deactivating) {
            outbox.append(new ProfileDeactivated(environmentId, profile.id));
        }
        if (patch.has("setAsDefaultForNewMailboxes") && Boolean.TRUE.equals(resolved.setAsDefaultForNewMailboxes())
                && !profile.id.equals(emailSettings.defaultProfileId)) {
            makeDefault(environment, emailSettings, profile);
            outbox.append(EmailSettingsService.changed(emailSettings));
        }
        return response(profile);
    }

    /** DELETE deactivates; the default profile cannot be deactivated. */
    @Transactional
    public ProfileResponse deactivate(UUID environmentId, UUID profileId) {
        access.administrable(environmentId);
        EmailSettings emailSettings = settings.lock(environmentId);
        EmailServerProfile profile = find(environmentId, profileId);
        if (profile.id.equals(emailSettings.defaultProfileId)) {
            throw profileIsDefault();
        }
        if (profile.isActive()) {
            profile.state = ProfileState.INACTIVE;
            profile.modifiedOn = OffsetDateTime.now(ZoneOffset.UTC);
            outbox.append(new ProfileDeactivated(environmentId, profile.id));
        }
        return response(profile);
    }

    @Transactional
    public ProfileResponse setDefault(UUID environmentId, UUID profileId) {
        Environment environment = access.administrable(environmentId);
        EmailSettings emailSettings = settings.lock(environmentId);
        EmailServerProfile profile = find(environmentId, profileId);
        if (!profile.id.equals(emailSettings.defaultProfileId)) {
            makeDefault(environment, emailSettings, profile);
            outbox.append(EmailSettingsService.changed(emailSettings));
        }
        return ProfileResponse.of(profile, true);
    }

    /** Points the (locked) email settings at {@code profile}; the caller publishes EmailSettingsChanged. */
    void makeDefault(Environment environment, EmailSettings lockedSettings, EmailServerProfile profile) {
        if (!profile.isActive()) {
            throw new ApiException(409, "ProfileInactive", "An inactive profile cannot be the default profile.");
        }
        UUID previous = lockedSettings.defaultProfileId;
        lockedSettings.defaultProfileId = profile.id;
        lockedSettings.modifiedOn = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.append(new DefaultProfileChanged(environment.id, profile.id, previous));
    }

    @Transactional
    public TestJobAccepted requestTest(UUID environmentId, UUID profileId) {
        access.administrable(environmentId);
        EmailServerProfile profile = find(environmentId, profileId);
        if (!profile.isActive()) {
            throw new ApiException(409, "ProfileInactive", "An inactive profile cannot be tested.");
        }
        UUID jobId = UUID.randomUUID();
        outbox.append(new ProfileTestRequested(environmentId, profile.id, jobId, caller.userId()));
        String location = config.syncWorkerUrl().replaceAll("/+$", "") + "/api/v1/jobs/" + jobId;
        return new TestJobAccepted(jobId, "PROFILE", "QUEUED", location);
    }

    @Transactional
    public ProfileResponse get(UUID environmentId, UUID profileId) {
        access.readable(environmentId);
        return response(find(environmentId, profileId));
    }

    @Transactional
    public Page<ProfileResponse> list(UUID environmentId, ProfileState state, PageParams paging) {
        access.readable(environmentId);
        UUID defaultId = settings.findById(environmentId).defaultProfileId;
        var query = profiles.list(environmentId, state).page(paging.page, paging.size);
        return new Page<>(query.list(), paging.page, paging.size, query.count())
                .map(p -> ProfileResponse.of(p, p.id.equals(defaultId)));
    }

    /** The decrypted connection for connectors; service tokens only (403 for everyone else). */
    @Transactional
    public ConnectionResponse connection(UUID profileId) {
        if (!caller.isService()) {
            throw ApiException.forbidden("Only ExSync services may read a profile's connection.");
        }
        EmailServerProfile p = profiles.findByIdOptional(profileId)
                .orElseThrow(() -> ApiException.notFound("Profile " + profileId));
        Environment environment = access.visible(p.environmentId);
        ServerAuthority authority = p.serverAuthority;
        String password = p.passwordCiphertext == null ? null
                : cipher.decrypt(new EncryptedSecret(p.passwordKeyId, p.passwordCiphertext), aad(p.id, "password"));
        String clientSecret = p.clientSecretCiphertext == null ? null : cipher.decrypt(
                new EncryptedSecret(p.clientSecretKeyId, p.clientSecretCiphertext), aad(p.id, "clientSecret"));
        return new ConnectionResponse(p.id, p.environmentId, environment.tenantId, p.serverType, p.authenticationType,
                p.protocol, orElse(p.authorityHost, authority.authorityHost()),
                orElse(p.defaultServerLocation, authority.graphBaseUrl()),
                orElse(p.defaultServerLocation, authority.ewsUrl()), p.autodiscoverUrl, p.useAutodiscover,
                ProfileResponse.server(p.incomingServer), ProfileResponse.server(p.outgoingServer), p.useImpersonation,
                p.exchangeOnlineTenantId, p.clientId, p.username, password, clientSecret,
                p.maxConcurrentConnections, p.timeoutMailboxConnection, p.timeoutMailboxConnectionAfterMs,
                p.state.name());
    }

    private ProfileResponse response(EmailServerProfile profile) {
        UUID defaultId = settings.findById(profile.environmentId).defaultProfileId;
        return ProfileResponse.of(profile, profile.id.equals(defaultId));
    }

    private EmailServerProfile find(UUID environmentId, UUID profileId) {
        return profiles.findInEnvironment(environmentId, profileId)
                .orElseThrow(() -> ApiException.notFound("Profile " + profileId));
    }

    private void requireUniqueName(UUID environmentId, String name, UUID exceptId) {
        if (profiles.nameTaken(environmentId, name, exceptId)) {
            throw new ApiException(409, "ProfileNameExists",
                    "A profile with this name already exists in the environment.");
        }
    }

    private static ApiException profileIsDefault() {
        return new ApiException(409, "ProfileIsDefault",
                "The default profile cannot be deactivated: set another default profile first.");
    }

    /** Fills what the request left out with the defaults of its server type (SPEC §4). */
    private static ProfileRequest withDefaults(ProfileRequest r, UUID creator) {
        ServerType type = r.serverType();
        MailServerDto incoming = r.incomingServer();
        MailServerDto outgoing = r.outgoingServer();
        if (type.isInternetMail()) {
            incoming = incoming == null ? null : new MailServerDto(incoming.host(),
                    incoming.port() == null ? type.defaultIncomingPort() : incoming.port(),
                    incoming.useSsl() == null ? Boolean.TRUE : incoming.useSsl());
            outgoing = outgoing == null ? null : new MailServerDto(outgoing.host(),
                    outgoing.port() == null ? type.defaultOutgoingPort() : outgoing.port(),
                    outgoing.useSsl() == null ? Boolean.TRUE : outgoing.useSsl());
        }
        return new ProfileRequest(r.name(), type,
                orElse(r.authenticationType(), type.defaultAuthentication()),
                orElse(r.protocol(), type.defaultProtocol()),
                orElse(r.serverAuthority(), ServerAuthority.PUBLIC),
                r.defaultServerLocation(), r.authorityHost(), r.autodiscoverUrl(),
                orElse(r.useAutodiscover(), type.usesAutodiscoverByDefault()),
                incoming, outgoing,
                orElse(r.useImpersonation(), Boolean.TRUE),
                r.exchangeOnlineTenantId(), r.clientId(), r.credentials(),
                orElse(r.setAsDefaultForNewMailboxes(), Boolean.FALSE),
                r.processEmailsReceivedAfter(),
                orElse(r.minPollingIntervalMinutes(), 0),
                orElse(r.maxConcurrentConnections(), 10),
                orElse(r.moveFailedEmailsToUndeliverableFolder(), Boolean.FALSE),
                orElse(r.sendAlertEmailToOwner(), Boolean.FALSE),
                orElse(r.timeoutMailboxConnection(), Boolean.TRUE),
                orElse(r.timeoutMailboxConnectionAfterMs(), 100_000),
                orElse(r.ownerId(), creator),
                orElse(r.state(), ProfileState.ACTIVE));
    }

    private void apply(EmailServerProfile p, ProfileRequest r, OffsetDateTime now) {
        p.name = r.name().trim();
        p.serverType = r.serverType();
        p.authenticationType = r.authenticationType();
        p.protocol = r.protocol();
        p.serverAuthority = r.serverAuthority();
        p.defaultServerLocation = r.defaultServerLocation();
        p.authorityHost = r.authorityHost();
        p.autodiscoverUrl = r.autodiscoverUrl();
        p.useAutodiscover = r.useAutodiscover();
        p.incomingServer = server(r.incomingServer());
        p.outgoingServer = server(r.outgoingServer());
        p.useImpersonation = r.useImpersonation();
        p.exchangeOnlineTenantId = r.exchangeOnlineTenantId();
        p.clientId = r.clientId();
        CredentialsRequest credentials = r.credentials();
        if (credentials == null) {
            p.username = null;
            p.passwordCiphertext = p.passwordKeyId = null;
            p.clientSecretCiphertext = p.clientSecretKeyId = null;
        } else {
            p.username = credentials.username();
            if (credentials.password() != null) {
                EncryptedSecret secret = cipher.encrypt(credentials.password(), aad(p.id, "password"));
                p.passwordCiphertext = secret.ciphertext();
                p.passwordKeyId = secret.keyId();
            }
            if (credentials.clientSecret() != null) {
                EncryptedSecret secret = cipher.encrypt(credentials.clientSecret(), aad(p.id, "clientSecret"));
                p.clientSecretCiphertext = secret.ciphertext();
                p.clientSecretKeyId = secret.keyId();
            }
        }
        p.processEmailsReceivedAfter = r.processEmailsReceivedAfter();
        p.minPollingIntervalMinutes = r.minPollingIntervalMinutes();
        p.maxConcurrentConnections = r.maxConcurrentConnections();
        p.moveFailedEmailsToUndeliverableFolder = r.moveFailedEmailsToUndeliverableFolder();
        p.sendAlertEmailToOwner = r.sendAlertEmailToOwner();
        p.timeoutMailboxConnection = r.timeoutMailboxConnection();
        p.timeoutMailboxConnectionAfterMs = r.timeoutMailboxConnectionAfterMs();
        p.ownerId = r.ownerId();
        p.state = r.state();
        p.modifiedOn = now;
    }

    /** The current values as a request; secrets are not readable, so only the username appears. */
    private static ProfileRequest toRequest(EmailServerProfile p) {
        CredentialsRequest credentials = p.username == null && p.passwordCiphertext == null
                && p.clientSecretCiphertext == null ? null : new CredentialsRequest(p.username, null, null);
        return new ProfileRequest(p.name, p.serverType, p.authenticationType, p.protocol, p.serverAuthority,
                p.defaultServerLocation, p.authorityHost, p.autodiscoverUrl, p.useAutodiscover,
                ProfileResponse.server(p.incomingServer), ProfileResponse.server(p.outgoingServer), p.useImpersonation,
                p.exchangeOnlineTenantId, p.clientId, credentials, null, p.processEmailsReceivedAfter,
                p.minPollingIntervalMinutes, p.maxConcurrentConnections, p.moveFailedEmailsToUndeliverableFolder,
                p.sendAlertEmailToOwner, p.timeoutMailboxConnection, p.timeoutMailboxConnectionAfterMs, p.ownerId,
                p.state);
    }

    private ProfileRequest readValidated(ObjectNode merged) {
        ProfileRequest request;
        try {
            request = json.treeToValue(merged, ProfileRequest.class);
        } catch (JsonProcessingException e) {
            throw new io.exsync.support.problem.JsonBodyException(e);
        }
        Set<ConstraintViolation<ProfileRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<String> names = patch.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode value = patch.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.get(name) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private List<String> changedFields(ProfileRequest before, ProfileRequest after, JsonNode patch) {
        JsonNode a = json.valueToTree(before);
        JsonNode b = json.valueToTree(after);
        List<String> changed = new ArrayList<>();
        b.fieldNames().forEachRemaining(name -> {
            if (!"credentials".equals(name) && !"setAsDefaultForNewMailboxes".equals(name)
                    && !b.get(name).equals(a.get(name))) {
                changed.add(name);
            }
        });
        JsonNode credentials = patch.get("credentials");
        if (credentials != null) {
            if (credentials.isNull()) {
                changed.add("credentials");
            } else {
                credentials.fieldNames().forEachRemaining(name -> changed.add("credentials." + name));
            }
        }
        return changed;
    }

    private static MailServer server(MailServerDto dto) {
        return dto == null ? null : new MailServer(dto.host(), dto.port(), dto.useSsl());
    }

    static String aad(UUID profileId, String field) {
        return "profile:" + profileId + ":" + field;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
