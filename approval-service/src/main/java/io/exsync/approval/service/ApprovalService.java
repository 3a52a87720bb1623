package io.exsync.approval.service;

import io.exsync.approval.domain.ApprovalPath;
import io.exsync.approval.domain.ApprovalRecord;
import io.exsync.approval.domain.ApprovalStatus;
import io.exsync.approval.domain.Decision;
import io.exsync.approval.domain.Depth;
import io.exsync.approval.domain.EmailSettings;
import io.exsync.approval.domain.Environment;
import io.exsync.approval.domain.Mailbox;
import io.exsync.approval.domain.Privilege;
import io.exsync.approval.domain.Profile;
import io.exsync.approval.domain.ServerClass;
import io.exsync.approval.repository.ApprovalHistoryRepository;
import io.exsync.approval.repository.DirectoryUserRepository;
import io.exsync.approval.repository.EmailSettingsRepository;
import io.exsync.approval.repository.MailboxRepository;
import io.exsync.approval.repository.ProfileRepository;
import io.exsync.approval.rest.ApprovalHistoryItem;
import io.exsync.approval.rest.ApprovalItem;
import io.exsync.approval.rest.ApprovalResponse;
import io.exsync.approval.rest.SelfApprovalOutcome;
import io.exsync.events.ApprovalEvent.MailboxApprovalRejected;
import io.exsync.events.ApprovalEvent.MailboxApproved;
import io.exsync.events.outbox.Outbox;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Approving and rejecting mailbox email addresses (SPEC §5) by every path: roles ({@link ApprovalPolicy}),
 * self-approval ({@link SelfApprovalPolicy}), programmatic, and self-approval as part of Test &amp; Enable.
 * Each decision changes the mailbox, adds a history row and appends its event in one transaction.
 */
@ApplicationScoped
public class ApprovalService {

    public static final String SELF_RULE = "SELF";
    private static final Set<String> AUTOMATION_REFUSED = Set.of("plugin", "workflow");

    private final MailboxRepository mailboxes;
    private final ProfileRepository profiles;
    private final EmailSettingsRepository settings;
    private final DirectoryUserRepository users;
    private final ApprovalHistoryRepository history;
    private final EntitlementService entitlements;
    private final RoleAssignmentService roleAssignments;
    private final EnvironmentAccess access;
    private final Outbox outbox;
    private final Caller caller;

    public ApprovalService(MailboxRepository mailboxes, ProfileRepository profiles, EmailSettingsRepository settings, DirectoryUserRepository users,
                           ApprovalHistoryRepository history, EntitlementService entitlements,
                           RoleAssignmentService roleAssignments, EnvironmentAccess access, Outbox outbox,
                           Caller caller) {
        this.mailboxes = mailboxes;
        this.profiles = profiles;
        this.settings = settings;
        this.users = users;
        this.history = history;
        this.entitlements = entitlements;
        this.roleAssignments = roleAssignments;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** {@code POST /mailboxes/{id}/approve}: by role (R1/R2), else by self-approval of one's own mailbox. */
    @Transactional
    public ApprovalResponse approve(UUID environmentId, UUID mailboxId) {
        Environment environment = access.visible(environmentId);
        Mailbox mailbox = lockedMailbox(environmentId, mailboxId);
        Entitlements mine = entitlements.of(environmentId, caller.userId());
        ApprovalPolicy.Verdict verdict = ApprovalPolicy.decide(facts(environment, mailbox, mine));
        ApprovalPath path = verdict.path();
        String rule = verdict.rule();
        if (!verdict.allowed()) {
            List<String> selfUnmet = SelfApprovalPolicy.unmetForDirectApproval(selfFacts(mailbox, caller.userId(), mine));
            if (!selfUnmet.isEmpty()) {
                throw denied(verdict, mailbox, selfUnmet);
            }
            path = ApprovalPath.SELF;
            rule = SELF_RULE;
        }
        requireNotApproved(mailbox);
        return ApprovalResponse.of(mailbox, record(mailbox, Decision.APPROVED, path, rule, caller.userId()));
    }

    /** {@code POST /mailboxes/{id}/reject}: by role only (R1/R2 and the privilege). */
    @Transactional
    public ApprovalResponse reject(UUID environmentId, UUID mailboxId) {
        Environment environment = access.visible(environmentId);
        Mailbox mailbox = lockedMailbox(environmentId, mailboxId);
        ApprovalPolicy.Verdict verdict = ApprovalPolicy.decide(
                facts(environment, mailbox, entitlements.of(environmentId, caller.userId())));
        if (!verdict.allowed()) {
            throw denied(verdict, mailbox, List.of());
        }
        if (mailbox.approvalStatus == ApprovalStatus.REJECTED) {
            throw new ApiException(409, "AlreadyRejected", "The email address of mailbox " + mailbox.id
                    + " is already rejected.");
        }
        return ApprovalResponse.of(mailbox, record(mailbox, Decision.REJECTED, verdict.path(), verdict.rule(),
                caller.userId()));
    }

    /**
     * {@code PATCH /mailboxes/{id}/approval} (the body was checked by the resource): refused from plug-ins and
     * workflows, otherwise R1/R2 and the privilege like any approver.
     */
    @Transactional
    public ApprovalResponse approveProgrammatically(UUID environmentId, UUID mailboxId) {
        Environment environment = access.visible(environmentId);
        Mailbox mailbox = lockedMailbox(environmentId, mailboxId);
        String context = caller.automationContext().orElse(null);
        if (context != null && AUTOMATION_REFUSED.contains(context)) {
            throw new ApiException(403, "ProgrammaticApprovalNotAllowed", "Email addresses cannot be approved "
                    + "programmatically from a " + context + "; approve them interactively or from an application.");
        }
        ApprovalPolicy.Verdict verdict = ApprovalPolicy.decide(
                facts(environment, mailbox, entitlements.of(environmentId, caller.userId())));
        if (!verdict.allowed()) {
            throw denied(verdict, mailbox, List.of());
        }
        requireNotApproved(mailbox);
        return ApprovalResponse.of(mailbox, record(mailbox, Decision.APPROVED, ApprovalPath.PROGRAMMATIC,
                verdict.rule(), caller.userId()));
    }

    /**
     * Test &amp; Enable of a user's own mailbox approves it when the self-approval switch is off (SPEC §5). Called by
     * the worker or mailbox-service with a service token, naming the user who started the run.
     */
    @Transactional
    public SelfApprovalOutcome approveViaTestAndEnable(UUID mailboxId, UUID userId) {
        if (!caller.isService()) {
            throw ApiException.forbidden("Only services may ask for a self-approval through Test & Enable.");
        }
        Mailbox mailbox = mailboxes.lock(mailboxId).orElseThrow(() -> ApiException.notFound("Mailbox " + mailboxId));
        if (mailbox.approvalStatus == ApprovalStatus.APPROVED) {
            return new SelfApprovalOutcome(mailbox.id, true, mailbox.approvalStatus, null, null, List.of());
        }
        List<String> unmet = SelfApprovalPolicy.unmetForTestAndEnable(
                selfFacts(mailbox, userId, entitlements.of(mailbox.environmentId, userId)));
        if (!unmet.isEmpty()) {
            return new SelfApprovalOutcome(mailbox.id, false, mailbox.approvalStatus, null, null, unmet);
        }
        record(mailbox, Decision.APPROVED, ApprovalPath.SELF_VIA_TEST_AND_ENABLE, SELF_RULE, userId);
        return new SelfApprovalOutcome(mailbox.id, true, mailbox.approvalStatus, ApprovalPath.SELF_VIA_TEST_AND_ENABLE,
                SELF_RULE, List.of());
    }

    @Transactional
    public Page<ApprovalItem> approvals(UUID environmentId, ApprovalStatus status, PageParams paging) {
        access.readable(environmentId);
        PanacheQuery<Mailbox> query = mailboxes.approvals(environmentId, status).page(paging.page, paging.size);
        return new Page<>(query.list().stream().map(ApprovalItem::of).toList(), paging.page, paging.size,
                query.count());
    }

    @Transactional
    public Page<ApprovalHistoryItem> history(UUID environmentId, UUID mailboxId, PageParams paging) {
        access.readable(environmentId);
        Mailbox mailbox = mailboxes.findInEnvironment(environmentId, mailboxId)
                .orElseThrow(() -> ApiException.notFound("Mailbox " + mailboxId));
        PanacheQuery<ApprovalRecord> query = history.ofMailbox(mailbox.id).page(paging.page, paging.size);
        return new Page<>(query.list().stream().map(ApprovalHistoryItem::of).toList(), paging.page, paging.size,
                query.count());
    }

    private Mailbox lockedMailbox(UUID environmentId, UUID mailboxId) {
        return mailboxes.lockInEnvironment(environmentId, mailboxId)
                .orElseThrow(() -> ApiException.notFound("Mailbox " + mailboxId));
    }

    private ApprovalPolicy.Facts facts(Environment environment, Mailbox mailbox, Entitlements mine) {
        return new ApprovalPolicy.Facts(environment.deployment, serverClass(mailbox), caller.groups(),
                mine.builtInRoles(), mine.holds(Privilege.ApproveEmailAddressesForUsersOrQueues),
                roleAssignments.delegatedApproverAvailable(environment));
    }

    /** A mailbox without a profile is not "on an Exchange Online-class profile", so R2 decides for it. */
    private ServerClass serverClass(Mailbox mailbox) {
        if (mailbox.profileId == null) {
            return ServerClass.ON_PREMISES;
        }
        Profile profile = profiles.findById(mailbox.profileId);
        if (profile == null) {
            throw new ApiException(409, "ProfileNotYetKnown", "The mailbox's email server profile " + mailbox.profileId
                    + " is not known to approval-service yet; try again in a few seconds.");
        }
        return profile.serverClass();
    }

    private SelfApprovalPolicy.Facts selfFacts(Mailbox mailbox, UUID userId, Entitlements entitled) {
        EmailSettings emailSettings = settings.ofEnvironment(mailbox.environmentId);
        String upn = users.find(mailbox.environmentId, userId).map(user -> user.userPrincipalName).orElse(null);
        return new SelfApprovalPolicy.Facts(upn, mailbox.emailAddress, mailbox.isQueue(),
                emailSettings.requirePrivilegeToSelfApproveEmailAddress,
                entitled.holds(Privilege.ApproveEmailAddressesForUsersOrQueues),
                entitled.holds(Privilege.MailboxWrite, Depth.USER));
    }

    private static void requireNotApproved(Mailbox mailbox) {
        if (mailbox.approvalStatus == ApprovalStatus.APPROVED) {
            throw new ApiException(409, "AlreadyApproved", "The email address of mailbox " + mailbox.id
                    + " is already approved.");
        }
    }

    private static ApiException denied(ApprovalPolicy.Verdict verdict, Mailbox mailbox, List<String> selfUnmet) {
        String detail = verdict.reason();
        boolean ownAddress = selfUnmet.stream().noneMatch(SelfApprovalPolicy.OWN_ADDRESS.reason()::equals);
        if (ownAddress && !selfUnmet.isEmpty()) {
            detail += " Self-approval of your own mailbox is not possible either: " + String.join("; ", selfUnmet)
                    + ".";
        }
        return ApiException.forbidden(detail);
    }

    private ApprovalRecord record(Mailbox mailbox, Decision decision, ApprovalPath path, String rule, UUID actorId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        mailbox.approvalStatus = decision == Decision.APPROVED ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        ApprovalRecord record = new ApprovalRecord();
        record.id = UUID.randomUUID();
        record.environmentId = mailbox.environmentId;
        record.mailboxId = mailbox.id;
        record.decision = decision;
        record.path = path;
        record.rule = rule;
        record.actorId = actorId;
        record.at = now;
        history.persist(record);
        outbox.append(decision == Decision.APPROVED
                ? new MailboxApproved(mailbox.environmentId, mailbox.id, mailbox.emailAddress, path.name(), rule,
                actorId)
                : new MailboxApprovalRejected(mailbox.environmentId, mailbox.id, mailbox.emailAddress, path.name(),
                rule, actorId));
        return record;
    }
}
