package io.exsync.mailbox.service;

import io.exsync.events.QueueEvent.QueueRegistered;
import io.exsync.events.UserEvent.UserRegistered;
import io.exsync.events.outbox.Outbox;
import io.exsync.mailbox.domain.AppUser;
import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.Approval;
import io.exsync.mailbox.domain.Enums.RegardingType;
import io.exsync.mailbox.domain.EnvironmentView;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.domain.ProfileView;
import io.exsync.mailbox.domain.Queue;
import io.exsync.mailbox.repository.MailboxRepository;
import io.exsync.mailbox.repository.ReadModelRepository;
import io.exsync.mailbox.rest.Dtos.QueueRequest;
import io.exsync.mailbox.rest.Dtos.QueueResponse;
import io.exsync.mailbox.rest.Dtos.UserRequest;
import io.exsync.mailbox.rest.Dtos.UserResponse;
import io.exsync.support.problem.ApiException;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Users and queues, each born with exactly one mailbox configured from the environment's current defaults. */
@ApplicationScoped
public class RegistrationService {

    private final MailboxAccess access;
    private final MailboxRepository mailboxes;
    private final ReadModelRepository readModels;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Caller caller;

    public RegistrationService(MailboxAccess access, MailboxRepository mailboxes, ReadModelRepository readModels,
                               EntityManager entityManager, Outbox outbox, Caller caller) {
        this.access = access;
        this.mailboxes = mailboxes;
        this.readModels = readModels;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public UserResponse registerUser(UUID environmentId, UserRequest request) {
        EnvironmentView environment = access.organizationWriter(environmentId);
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        if (entityManager.find(AppUser.class, id) != null) {
            throw new ApiException(409, "UserExists", "A user with id " + id + " already exists.");
        }
        requireFreeAddress(environmentId, request.email());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AppUser user = new AppUser();
        user.id = id;
        user.environmentId = environmentId;
        user.fullName = request.fullName().trim();
        user.email = request.email();
        user.userPrincipalName = request.userPrincipalName();
        user.createdOn = now;
        entityManager.persist(user);
        Mailbox mailbox = newMailbox(environment, RegardingType.USER, id, user.fullName, id, request.email(),
                environment.processEmailsOnlyForApprovedUsers, now);
        outbox.append(new UserRegistered(environmentId, id, user.fullName, user.email, user.userPrincipalName,
                mailbox.id));
        outbox.append(MailboxViews.created(mailbox));
        return new UserResponse(id, user.fullName, user.email, user.userPrincipalName, mailbox.id);
    }

    @Transactional
    public QueueResponse registerQueue(UUID environmentId, QueueRequest request) {
        EnvironmentView environment = access.organizationWriter(environmentId);
        requireFreeAddress(environmentId, request.email());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Queue queue = new Queue();
        queue.id = UUID.randomUUID();
        queue.environmentId = environmentId;
        queue.name = request.name().trim();
        queue.email = request.email();
        queue.ownerId = request.ownerId() == null ? caller.userId() : request.ownerId();
        queue.createdOn = now;
        entityManager.persist(queue);
        Mailbox mailbox = newMailbox(environment, RegardingType.QUEUE, queue.id, queue.name, queue.ownerId,
                request.email(), environment.processEmailsOnlyForApprovedQueues, now);
        outbox.append(new QueueRegistered(environmentId, queue.id, queue.name, queue.email, queue.ownerId,
                mailbox.id));
        outbox.append(MailboxViews.created(mailbox));
        return new QueueResponse(queue.id, queue.name, queue.email, queue.ownerId, mailbox.id);
    }

    private Mailbox newMailbox(EnvironmentView environment, RegardingType type, UUID regardingId, String name,
                               UUID ownerId, String email, boolean approvalRequired, OffsetDateTime now) {
        Mailbox mailbox = new Mailbox();
        mailbox.id = UUID.randomUUID();
        mailbox.environmentId = environment.id;
        mailbox.regardingType = type;
        mailbox.regardingId = regardingId;
        mailbox.regardingName = name;
        mailbox.ownerId = ownerId;
        mailbox.emailAddress = email;
        mailbox.profileId = environment.defaultProfileId;
        mailbox.incomingDeliveryMethod = environment.incomingDeliveryMethod;
        mailbox.outgoingDeliveryMethod = environment.outgoingDeliveryMethod;
        mailbox.actDeliveryMethod = environment.actDeliveryMethod;
        ProfileView profile = mailbox.profileId == null ? null : readModels.profile(mailbox.profileId);
        if (profile != null && profile.hasNoAct()) {
            mailbox.actDeliveryMethod = ActDeliveryMethod.NONE;
        }
        mailbox.emailAddressApproval = approvalRequired ? Approval.PENDING_APPROVAL : Approval.EMPTY;
        mailbox.createdOn = now;
        mailbox.modifiedOn = now;
        mailboxes.persist(mailbox);
        return mailbox;
    }

    private void requireFreeAddress(UUID environmentId, String email) {
        if (mailboxes.addressTaken(environmentId, email)) {
            throw new ApiException(409, "EmailAddressInUse",
                    "An active mailbox of this environment already has this email address.");
        }
    }
}
