package io.exsync.mailbox.service;

import io.exsync.events.ExSyncEvent;
import io.exsync.events.outbox.Outbox;
import io.exsync.mailbox.config.MailboxConfig;
import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.RegardingType;
import io.exsync.mailbox.domain.EnvironmentView;
import io.exsync.mailbox.domain.Mailbox;
import io.exsync.mailbox.domain.ProfileView;
import io.exsync.mailbox.repository.MailboxRepository;
import io.exsync.mailbox.repository.ReadModelRepository;
import io.exsync.mailbox.rest.Dtos.Changes;
import io.exsync.mailbox.rest.Dtos.TestJobAccepted;
import io.exsync.support.client.JobRegistration;
import io.exsync.support.client.SyncWorkerJobs;
import io.exsync.support.problem.ApiException;
import io.exsync.support.problem.Problem.Violation;
import io.exsync.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Actions on many mailboxes at once (up to 10,000 ids). Everything is validated before the first write, and the
 * whole action is one transaction: all or nothing. Events go out in one JDBC batch through the outbox.
 */
@ApplicationScoped
public class BulkMailboxService {

    private final MailboxAccess access;
    private final MailboxRepository mailboxes;
    private final ReadModelRepository readModels;
    private final MailboxService single;
    private final Outbox outbox;
    private final Caller caller;
    private final MailboxConfig config;
    private final SyncWorkerJobs workerJobs;
    private final TransactionSynchronizationRegistry transactions;

    public BulkMailboxService(MailboxAccess access, MailboxRepository mailboxes, ReadModelRepository readModels,
                              MailboxService single, Outbox outbox, Caller caller, MailboxConfig config,
                              SyncWorkerJobs workerJobs, TransactionSynchronizationRegistry transactions) {
        this.workerJobs = workerJobs;
        this.transactions = transactions;
        this.access = access;
        this.mailboxes = mailboxes;
        this.readModels = readModels;
        this.single = single;
        this.outbox = outbox;
        this.caller = caller;
        this.config = config;
    }

    @Transactional
    public int bulkEdit(UUID environmentId, List<UUID> ids, Changes changes) {
        access.organizationWriter(environmentId);
        if (changes.profileId() == null && changes.incomingDeliveryMethod() == null
                && changes.outgoingDeliveryMethod() == null && changes.actDeliveryMethod() == null) {
            throw ApiException.validation("changes", "must change at least one field");
        }
        ProfileView profile = changes.profileId() == null ? null : single.usableProfile(environmentId, changes.profileId());
        List<Mailbox> targets = load(environmentId, ids);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ExSyncEvent> events = new ArrayList<>(targets.size());
        for (Mailbox mailbox : targets) {
            List<String> changed = new ArrayList<>();
            if (profile != null && !profile.id.equals(mailbox.profileId)) {
                mailbox.profileId = profile.id;
                changed.add("profileId");
                if (profile.hasNoAct() && changes.actDeliveryMethod() == null
                        && mailbox.actDeliveryMethod != ActDeliveryMethod.NONE) {
                    mailbox.actDeliveryMethod = ActDeliveryMethod.NONE;
                    changed.add("actDeliveryMethod");
                }
            }
            if (changes.incomingDeliveryMethod() != null && changes.incomingDeliveryMethod() != mailbox.incomingDeliveryMethod) {
                mailbox.incomingDeliveryMethod = changes.incomingDeliveryMethod();
                changed.add("incomingDeliveryMethod");
            }
            if (changes.outgoingDeliveryMethod() != null && changes.outgoingDeliveryMethod() != mailbox.outgoingDeliveryMethod) {
                mailbox.outgoingDeliveryMethod = changes.outgoingDeliveryMethod();
                changed.add("outgoingDeliveryMethod");
            }
            if (changes.actDeliveryMethod() != null && changes.actDeliveryMethod() != mailbox.actDeliveryMethod) {
                mailbox.actDeliveryMethod = changes.actDeliveryMethod();
                changed.add("actDeliveryMethod");
            }
            single.requireActPossible(mailbox);
            if (!changed.isEmpty()) {
                mailbox.modifiedOn = now;
                events.add(MailboxViews.configured(mailbox, changed));
            }
        }
        outbox.appendAll(events);
        return events.size();
    }

    /** Profile and delivery methods from the email settings' defaults; then Test &amp; Enable when asked. */
    @Transactional
    public Object applyDefaultSettings(UUID environmentId, List<UUID> ids, boolean testAndEnable) {
        EnvironmentView environment = access.organizationWriter(environmentId);
        if (environment.defaultProfileId == null) {
            throw new ApiException(409, "NoDefaultProfile", "The email settings name no default profile.");
        }
        ProfileView profile = single.usableProfile(environmentId, environment.defaultProfileId);
        List<Mailbox> targets = load(environmentId, ids);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ExSyncEvent> events = new ArrayList<>();
        for (Mailbox mailbox : targets) {
            mailbox.profileId = profile.id;
            mailbox.incomingDeliveryMethod = environment.incomingDeliveryMethod;
            mailbox.outgoingDeliveryMethod = environment.outgoingDeliveryMethod;
            mailbox.actDeliveryMethod = profile.hasNoAct() ? ActDeliveryMethod.NONE : environment.actDeliveryMethod;
            mailbox.modifiedOn = now;
            events.add(MailboxViews.configured(mailbox, List.of("profileId", "incomingDeliveryMethod",
                    "outgoingDeliveryMethod", "actDeliveryMethod")));
        }
        outbox.appendAll(events);
        if (!testAndEnable) {
            return targets.size();
        }
        return requestTests(environment, targets);
    }

    @Transactional
    public TestJobAccepted testAndEnable(UUID environmentId, List<UUID> ids) {
        EnvironmentView environment = access.visible(environmentId);
        List<Mailbox> targets = load(environmentId, ids);
        if (!(targets.size() == 1 && isOwnUserMailbox(targets.get(0)))) {
            access.organizationWriter(environmentId);
        } else {
            access.requireWrite(environment, targets.get(0));
        }
        return requestTests(environment, targets);
    }

    /**
     * ProfileTestRequested: the same fan-out over every active mailbox of the profile, with the job id given (in the
     * consumer's transaction). Only here is the job's size known: once committed, the worker is told it, so a
     * profile without active mailboxes completes at once instead of staying QUEUED. Best effort like every job
     * registration: if the worker is unreachable then, a non-empty job still learns its size from its requests.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOutProfileTest(UUID environmentId, UUID profileId, UUID jobId, UUID requestedBy) {
        EnvironmentView environment = readModels.environment(environmentId);
        // no mailbox of an environment this service has never seen
        List<Mailbox> targets = environment == null ? List.of() : mailboxes.activeOfProfile(profileId);
        outbox.appendAll(targets.stream().map(m -> MailboxViews.testRequested(m, jobId, targets.size(),
                approvalRequired(environment, m), requestedBy)).toList());
        JobRegistration registration = new JobRegistration(environmentId, "PROFILE", targets.size(), profileId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    workerJobs.register(jobId, registration);
                }
            }
        });
    }

    private TestJobAccepted requestTests(EnvironmentView environment, List<Mailbox> targets) {
        List<Violation> violations = new ArrayList<>();
        Map<UUID, ProfileView> profiles = new HashMap<>();
        for (Mailbox mailbox : targets) {
            if (!mailbox.isActive()) {
                violations.add(new Violation("ids", "mailbox " + mailbox.id + " is inactive"));
            } else if (mailbox.profileId == null) {
                violations.add(new Violation("ids", "mailbox " + mailbox.id + " has no email server profile"));
            } else {
                ProfileView profile = profiles.computeIfAbsent(mailbox.profileId, readModels::profile);
                if (profile != null && !profile.isActive()) {
                    throw new ApiException(409, "ProfileInactive", "Mailbox " + mailbox.id
                            + " uses an inactive email server profile and cannot be tested.");
                }
            }
            if (violations.size() >= 20) {
                break;
            }
        }
        if (!violations.isEmpty()) {
            throw new ApiException(409, "MailboxNotTestable", "Some mailboxes cannot be tested.", violations);
        }
        UUID jobId = UUID.randomUUID();
        UUID requestedBy = caller.userId();
        outbox.appendAll(targets.stream().map(m -> MailboxViews.testRequested(m, jobId, targets.size(),
                approvalRequired(environment, m), requestedBy)).toList());
        String location = config.syncWorkerUrl().replaceAll("/+$", "") + "/api/v1/jobs/" + jobId;
        return new TestJobAccepted(jobId, "MAILBOXES", "QUEUED", targets.size(), location);
    }

    private boolean isOwnUserMailbox(Mailbox mailbox) {
        return mailbox.regardingType == RegardingType.USER && mailbox.regardingId.equals(caller.userId());
    }

    private static boolean approvalRequired(EnvironmentView environment, Mailbox mailbox) {
        return mailbox.regardingType == RegardingType.USER
                ? environment.processEmailsOnlyForApprovedUsers
                : environment.processEmailsOnlyForApprovedQueues;
    }

    /** Every id must name a mailbox of this environment; duplicates count once. Fails before any write. */
    private List<Mailbox> load(UUID environmentId, List<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        if (wanted.size() > config.maxBulkIds()) {
            throw ApiException.validation("ids", "at most " + config.maxBulkIds() + " ids");
        }
        List<Mailbox> found = mailboxes.findAllInEnvironment(environmentId, wanted);
        if (found.size() != wanted.size()) {
            Set<UUID> present = found.stream().map(m -> m.id).collect(Collectors.toSet());
            List<UUID> missing = wanted.stream().filter(id -> !present.contains(id)).limit(10).toList();
            throw new ApiException(400, "ValidationFailed", (wanted.size() - found.size())
                    + " of the ids are not mailboxes of this environment, e.g. " + missing,
                    List.of(new Violation("ids", "unknown mailbox ids: " + missing)));
        }
        return found;
    }
}
