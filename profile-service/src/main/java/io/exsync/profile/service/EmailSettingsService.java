package io.exsync.profile.service;

import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.outbox.Outbox;
import io.exsync.profile.domain.EmailServerProfile;
import io.exsync.profile.domain.EmailSettings;
import io.exsync.profile.domain.Environment;
import io.exsync.profile.repository.EmailSettingsRepository;
import io.exsync.profile.repository.ProfileRepository;
import io.exsync.profile.rest.EmailSettingsDto;
import io.exsync.support.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

@ApplicationScoped
public class EmailSettingsService {

    private final EmailSettingsRepository settings;
    private final ProfileRepository profiles;
    private final ProfileService profileService;
    private final EnvironmentAccess access;
    private final Outbox outbox;

    public EmailSettingsService(EmailSettingsRepository settings, ProfileRepository profiles,
                                ProfileService profileService, EnvironmentAccess access, Outbox outbox) {
        this.settings = settings;
        this.profiles = profiles;
        this.profileService = profileService;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public EmailSettingsDto get(UUID environmentId) {
        access.readable(environmentId);
        return EmailSettingsDto.of(settings.findById(environmentId));
    }

    /** Replaces the settings. The default profile changes like {@code set-default}; the approval switches need R1/R2. */
    @Transactional
    public EmailSettingsDto replace(UUID environmentId, EmailSettingsDto request) {
        Environment environment = access.administrable(environmentId);
        EmailSettings current = settings.lock(environmentId);
        boolean approvalSwitchesChange =
                current.processEmailsOnlyForApprovedUsers != request.processEmailsOnlyForApprovedUsers()
                        || current.processEmailsOnlyForApprovedQueues != request.processEmailsOnlyForApprovedQueues()
                        || current.requirePrivilegeToSelfApproveEmailAddress
                        != request.requirePrivilegeToSelfApproveEmailAddress();
        if (approvalSwitchesChange) {
            access.requireApprovalSettingsAuthority(environment);
        }
        if (!Objects.equals(current.defaultProfileId, request.defaultProfileId())) {
            if (request.defaultProfileId() == null) {
                throw ApiException.validation("defaultProfileId", "cannot be cleared; set another default profile");
            }
            EmailServerProfile profile = profiles.findInEnvironment(environmentId, request.defaultProfileId())
                    .orElseThrow(() -> ApiException.validation("defaultProfileId",
                            "is not a profile of this environment"));
            profileService.makeDefault(environment, current, profile);
        }
        current.incomingDeliveryMethod = request.incomingDeliveryMethod();
        current.outgoingDeliveryMethod = request.outgoingDeliveryMethod();
        current.actDeliveryMethod = request.actDeliveryMethod();
        current.processEmailsOnlyForApprovedUsers = request.processEmailsOnlyForApprovedUsers();
        current.processEmailsOnlyForApprovedQueues = request.processEmailsOnlyForApprovedQueues();
        current.requirePrivilegeToSelfApproveEmailAddress = request.requirePrivilegeToSelfApproveEmailAddress();
        current.notifyMailboxOwner = request.notifyMailboxOwner();
        current.modifiedOn = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.append(changed(current));
        return EmailSettingsDto.of(current);
    }

    static EmailSettingsChanged changed(EmailSettings s) {
        return new EmailSettingsChanged(s.environmentId, s.defaultProfileId, s.incomingDeliveryMethod.name(),
                s.outgoingDeliveryMethod.name(), s.actDeliveryMethod.name(), s.processEmailsOnlyForApprovedUsers,
                s.processEmailsOnlyForApprovedQueues, s.requirePrivilegeToSelfApproveEmailAddress,
                s.notifyMailboxOwner);
    }
}
