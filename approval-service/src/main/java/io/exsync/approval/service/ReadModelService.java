package io.exsync.approval.service;

import io.exsync.approval.domain.ApprovalStatus;
import io.exsync.approval.domain.BuiltInRole;
import io.exsync.approval.domain.Deployment;
import io.exsync.approval.domain.DirectoryUser;
import io.exsync.approval.domain.EmailSettings;
import io.exsync.approval.domain.Environment;
import io.exsync.approval.domain.Mailbox;
import io.exsync.approval.domain.Profile;
import io.exsync.approval.domain.SecurityRole;
import io.exsync.approval.repository.DirectoryUserRepository;
import io.exsync.approval.repository.EmailSettingsRepository;
import io.exsync.approval.repository.EnvironmentRepository;
import io.exsync.approval.repository.MailboxRepository;
import io.exsync.approval.repository.ProfileRepository;
import io.exsync.events.ApprovalEvent.ApprovalRequested;
import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.MailboxEvent.MailboxConfigured;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.Regarding;
import io.exsync.events.UserEvent.UserRegistered;
import io.exsync.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Applies the events of profile-service and mailbox-service to this service's read models, inside the consumer's
 * transaction (the idempotency row commits with the effect). Events of one aggregate arrive in order; events of
 * different aggregates may not, so no read model depends on another having arrived first.
 */
@ApplicationScoped
public class ReadModelService {

    private final EnvironmentRepository environments;
    private final EmailSettingsRepository settings;
    private final ProfileRepository profiles;
    private final DirectoryUserRepository users;
    private final MailboxRepository mailboxes;
    private final SecurityRoleService roles;
    private final RoleAssignmentService assignments;
    private final Outbox outbox;

    public ReadModelService(EnvironmentRepository environments, EmailSettingsRepository settings,
                            ProfileRepository profiles, DirectoryUserRepository users, MailboxRepository mailboxes,
                            SecurityRoleService roles, RoleAssignmentService assignments, Outbox outbox) {
        this.environments = environments;
        this.settings = settings;
        this.profiles = profiles;
        this.users = users;
        this.mailboxes = mailboxes;
        this.roles = roles;
        this.assignments = assignments;
        this.outbox = outbox;
    }

    /** A new environment gets its built-in roles, and its creator becomes System Administrator (RoleAssigned). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void environmentRegistered(EnvironmentRegistered event) {
        if (environments.findById(event.environmentId()) != null) {
            return;
        }
        Environment environment = new Environment();
        environment.id = event.environmentId();
        environment.tenantId = event.tenantId();
        environment.name = event.name();
        environment.deployment = Deployment.valueOf(event.deployment());
        environment.version = event.version();
        environment.createdBy = event.createdBy();
        environment.registeredOn = OffsetDateTime.now(ZoneOffset.UTC);
        environments.persist(environment);
        Map<BuiltInRole, SecurityRole> builtIn = roles.createBuiltInRoles(environment);
        if (event.createdBy() != null) {
            assignments.grantInitial(environment, builtIn.get(BuiltInRole.SYSTEM_ADMINISTRATOR), event.createdBy());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void emailSettingsChanged(EmailSettingsChanged event) {
        EmailSettings current = settings.findById(event.environmentId());
        if (current == null) {
            current = EmailSettings.defaults(event.environmentId());
            settings.persist(current);
        }
        current.processEmailsOnlyForApprovedUsers = event.processEmailsOnlyForApprovedUsers();
        current.processEmailsOnlyForApprovedQueues = event.processEmailsOnlyForApprovedQueues();
        current.requirePrivilegeToSelfApproveEmailAddress = event.requirePrivilegeToSelfApproveEmailAddress();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void profileChanged(UUID environmentId, UUID profileId, String serverType) {
        Profile profile = profiles.findById(profileId);
        if (profile == null) {
            profile = new Profile();
            profile.id = profileId;
            profile.environmentId = environmentId;
            profile.serverType = serverType;
            profiles.persist(profile);
        } else {
            profile.serverType = serverType;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void userRegistered(UserRegistered event) {
        DirectoryUser user = users.find(event.environmentId(), event.userId()).orElse(null);
        if (user == null) {
            user = new DirectoryUser();
            user.environmentId = event.environmentId();
            user.id = event.userId();
            user.userPrincipalName = event.userPrincipalName();
            users.persist(user);
        } else {
            user.userPrincipalName = event.userPrincipalName();
        }
    }

    /** A mailbox born PENDING_APPROVAL is a pending approval: ApprovalRequested announces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mailboxCreated(MailboxCreated event, OffsetDateTime at) {
        if (mailboxes.findById(event.mailboxId()) != null) {
            return;
        }
        Regarding regarding = event.regarding();
        Mailbox mailbox = new Mailbox();
        mailbox.id = event.mailboxId();
        mailbox.environmentId = event.environmentId();
        mailbox.emailAddress = event.emailAddress();
        mailbox.regardingType = regarding == null || regarding.type() == null ? "USER" : regarding.type();
        mailbox.regardingId = regarding == null ? null : regarding.id();
        mailbox.regardingName = regarding == null ? null : regarding.name();
        mailbox.profileId = event.profileId();
        mailbox.ownerId = event.ownerId();
        mailbox.state = "ACTIVE";
        mailbox.approvalStatus = approvalStatus(event.emailAddressApproval());
        if (mailbox.approvalStatus == ApprovalStatus.PENDING_APPROVAL) {
            mailbox.requestedOn = at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at;
            outbox.append(new ApprovalRequested(mailbox.environmentId, mailbox.id, mailbox.emailAddress, regarding));
        }
        mailboxes.persist(mailbox);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void mailboxConfigured(MailboxConfigured event) {
        Mailbox mailbox = mailboxes.findById(event.mailboxId());
        if (mailbox == null) {
            return;
        }
        if (event.emailAddress() != null) {
            mailbox.emailAddress = event.emailAddress();
        }
        mailbox.profileId = event.profileId();
        if (event.state() != null) {
            mailbox.state = event.state();
        }
    }

    private static ApprovalStatus approvalStatus(String value) {
        if (value == null) {
            return ApprovalStatus.EMPTY;
        }
        try {
            return ApprovalStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ApprovalStatus.EMPTY;
        }
    }
}
