package io.exsync.worker.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.exsync.events.EventJson;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.worker.client.ApprovalServiceClient;
import io.exsync.worker.client.Connection;
import io.exsync.worker.client.ConnectionSource;
import io.exsync.worker.client.MailboxCredentials;
import io.exsync.worker.config.WorkerConfig;
import io.exsync.worker.connector.ConnectorException;
import io.exsync.worker.connector.ErrorClass;
import io.exsync.worker.connector.ErrorCodes;
import io.exsync.worker.connector.EwsConnector;
import io.exsync.worker.connector.GraphConnector;
import io.exsync.worker.connector.MailConnector;
import io.exsync.worker.connector.MailboxConnector;
import io.exsync.worker.connector.MailboxTarget;
import io.exsync.worker.connector.WorkloadResult;
import io.exsync.worker.domain.ProfileInfo;
import io.exsync.worker.domain.TestStatus;
import io.exsync.worker.domain.Workload;
import io.exsync.worker.repository.JobMailboxRepository.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tests one claimed mailbox (SPEC §6): approval gate first (no network call), then the connection, the connector of
 * the profile's protocol under the concurrency caps and the time limit, then the error classes — throttling waits
 * without counting, transient errors retry up to the configured number, permanent ones fail the workload at once.
 * No transaction is open while a mail server is talked to.
 */
@ApplicationScoped
public class TestRunner {

    private static final Logger LOG = Logger.getLogger(TestRunner.class);
    private static final String SERVER_SIDE_SYNC = "SERVER_SIDE_SYNC";

    private final ResultRecorder recorder;
    private final ConnectionCache connections;
    private final ConnectionSource source;
    private final ConcurrencyLimits limits;
    private final GraphConnector graph;
    private final EwsConnector ews;
    private final MailConnector mail;
    private final WorkerConfig.Retry retry;
    private final ApprovalServiceClient approvals;

    public TestRunner(ResultRecorder recorder, ConnectionCache connections, ConnectionSource source,
                      ConcurrencyLimits limits, GraphConnector graph, EwsConnector ews, MailConnector mail,
                      WorkerConfig config, ApprovalServiceClient approvals) {
        this.recorder = recorder;
        this.connections = connections;
        this.source = source;
        this.limits = limits;
        this.graph = graph;
        this.ews = ews;
        this.mail = mail;
        this.retry = config.retry();
        this.approvals = approvals;
    }

    public void run(Claim claim) {
        TestAndEnableRequested request;
        try {
            request = EventJson.convert(EventJson.parse(claim.request()), TestAndEnableRequested.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.errorf("mailbox test %s has an unreadable request; left for the lease to expire", claim.id());
            return;
        }
        Optional<ProfileInfo> profile = recorder.profile(request.profileId());
        Context context = new Context(request, profile.map(p -> p.name).orElse(String.valueOf(request.profileId())),
                recipients(request.ownerId(), profile.map(p -> p.ownerId).orElse(null)));
        Set<Workload> workloads = tested(request);
        if (workloads.isEmpty()) {
            recorder.complete(claim, request, context.report(Map.of(), false));
            return;
        }
        if (request.approvalRequired() && !"APPROVED".equals(request.emailAddressApproval())) {
            Boolean selfApproved = selfApprovedViaTest(claim, request);
            if (selfApproved == null) {
                return; // approval-service could not answer now: retried like a transient error
            }
            if (!selfApproved) {
                recorder.complete(claim, request, context.notApproved(workloads));
                return;
            }
        }
        Map<Workload, WorkloadResult> results;
        Set<Workload> notApplicable = EnumSet.noneOf(Workload.class);
        try {
            Connection connection = connection(request);
            MailboxConnector connector = connector(connection);
            if (connector == mail && workloads.remove(Workload.ACT)) {
                notApplicable.add(Workload.ACT);
            }
            results = test(request, connection, connector, workloads);
        } catch (ConnectorException e) {
            results = new EnumMap<>(Workload.class);
            for (Workload workload : workloads) {
                results.put(workload, WorkloadResult.failed(e));
            }
        }
        decide(claim, context, results, notApplicable);
    }

    /**
     * SPEC §5 {@code SELF_VIA_TEST_AND_ENABLE}: a user's Test &amp; Enable of their own mailbox asks approval-service
     * to approve it (no call to the mail server before the gate passes). Anyone else's mailbox: no call, refused.
     * approval-service unreachable (or not yet aware of the mailbox): retried like a transient error, the mailbox
     * waiting in the job; once the retries run out the mailbox fails with {@code EmailAddressNotApproved}.
     *
     * @return true approved, false refused, null rescheduled
     */
    private Boolean selfApprovedViaTest(Claim claim, TestAndEnableRequested request) {
        if (request.requestedBy() == null || request.regarding() == null
                || !"USER".equals(request.regarding().type())
                || !request.requestedBy().equals(request.regarding().id())) {
            return false;
        }
        try {
            return approvals.selfApproveViaTest(request.mailboxId(), request.requestedBy());
        } catch (ConnectionSource.ConnectionUnavailableException e) {
            if (claim.transientFailures() < retry.maxTransientRetries()) {
                LOG.infof("mailbox test %s: %s; retried in %s", claim.id(), e.getMessage(), retry.interval());
                recorder.reschedule(claim, request, OffsetDateTime.now().plus(retry.interval()), true,
                        "ConnectionUnavailable");
                return null;
            }
            LOG.warnf("mailbox test %s: %s; retries exhausted, the mailbox stays unapproved", claim.id(),
                    e.getMessage());
            return false;
        }
    }

    private Map<Workload, WorkloadResult> test(TestAndEnableRequested request, Connection connection,
                                               MailboxConnector connector, Set<Workload> workloads)
            throws ConnectorException {
        MailboxTarget target = new MailboxTarget(request.mailboxId(), request.emailAddress(), workloads,
                Instant.now().plusMillis(connection.timeoutMs()));
        String key = connection.usesMailboxCredentials() ? "mailbox:" + request.mailboxId()
                : "profile:" + connection.profileId();
        try (ConcurrencyLimits.Permit profileSlot = limits.profile(key, connection.maxConcurrentConnections(),
                target.remainingMs());
             ConcurrencyLimits.Permit serverSlot = serverSlot(connector, connection, target)) {
            return connector.test(target, connection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable("interrupted");
        }
    }

    /** The protocol's own cap; a test's requests are sequential, so it holds one slot for its duration. */
    private ConcurrencyLimits.Permit serverSlot(MailboxConnector connector, Connection connection,
                                                MailboxTarget target) throws ConnectorException, InterruptedException {
        if (connector == graph) {
            return limits.graphMailbox(target.emailAddress(), target.remainingMs());
        }
        if (connector == ews) {
            String endpoint = connection.ewsUrl() != null && !connection.ewsUrl().isBlank() ? connection.ewsUrl()
                    : connection.autodiscoverUrl();
            return limits.ewsEndpoint(EwsConnector.origin(endpoint), target.remainingMs());
        }
        return () -> {
        };
    }

    private void decide(Claim claim, Context context, Map<Workload, WorkloadResult> results,
                        Set<Workload> notApplicable) {
        Optional<WorkloadResult> throttled = results.values().stream().filter(r -> r.is(ErrorClass.THROTTLED))
                .findFirst();
        if (throttled.isPresent()) {
            recorder.reschedule(claim, context.request,
                    OffsetDateTime.now().plus(throttleWait(throttled.get(), claim)), false, ErrorCodes.THROTTLED);
            return;
        }
        Optional<WorkloadResult> firstTransient = results.values().stream().filter(r -> r.is(ErrorClass.TRANSIENT))
                .findFirst();
        boolean anyTransient = firstTransient.isPresent();
        if (anyTransient && claim.transientFailures() < retry.maxTransientRetries()) {
            recorder.reschedule(claim, context.request, OffsetDateTime.now().plus(retry.interval()), true,
                    firstTransient.get().code());
            return;
        }
        Map<Workload, TestStatus> statuses = new EnumMap<>(Workload.class);
        results.forEach((workload, result) -> statuses.put(workload,
                result.succeeded() ? TestStatus.SUCCESS : TestStatus.FAILURE));
        List<MailboxReport.AlertDraft> extra = new ArrayList<>();
        for (Workload workload : notApplicable) {
            extra.add(new MailboxReport.AlertDraft("WARNING", ErrorCodes.ACT_NOT_SUPPORTED, workload,
                    "Appointments, contacts and tasks of the mailbox " + context.mailboxName() + " are not "
                            + "synchronized: IMAP/POP3 email server profiles have no ACT synchronization. "
                            + ErrorCodes.remediation(ErrorCodes.ACT_NOT_SUPPORTED), context.failureRecipients));
        }
        MailboxReport report = context.report(statuses, anyTransient, results, extra);
        recorder.complete(claim, context.request, report);
    }

    private Duration throttleWait(WorkloadResult throttled, Claim claim) {
        if (throttled.retryAfter() != null) {
            return throttled.retryAfter();
        }
        long base = retry.throttleInitialBackoff().toMillis() << Math.min(20, claim.throttleWaits());
        long capped = Math.min(base, retry.throttleMaxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private Connection connection(TestAndEnableRequested request) throws ConnectorException {
        if (request.profileId() == null) {
            throw ConnectorException.permanent(ErrorCodes.PROFILE_NOT_FOUND, "the mailbox has no profile");
        }
        try {
            Connection connection = connections.connection(request.profileId());
            if (connection.usesMailboxCredentials()) {
                MailboxCredentials credentials = source.mailboxCredentials(request.mailboxId());
                connection = connection.withCredentials(credentials.username(), credentials.password());
            }
            return connection;
        } catch (ConnectionSource.ConnectionMissingException e) {
            throw ConnectorException.permanent(ErrorCodes.PROFILE_NOT_FOUND, e.getMessage());
        } catch (ConnectionSource.ConnectionUnavailableException e) {
            throw new ConnectorException(ErrorClass.TRANSIENT, ErrorCodes.CONNECTION_UNAVAILABLE, e.getMessage(),
                    null);
        }
    }

    private MailboxConnector connector(Connection connection) throws ConnectorException {
        String protocol = connection.protocol() == null ? "" : connection.protocol();
        return switch (protocol) {
            case "GRAPH" -> graph;
            case "EWS" -> ews;
            case "IMAP_SMTP", "POP3_SMTP" -> mail;
            default -> throw ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE,
                    "unknown protocol " + protocol);
        };
    }

    private static Set<Workload> tested(TestAndEnableRequested request) {
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        if (SERVER_SIDE_SYNC.equals(request.incomingDeliveryMethod())) {
            workloads.add(Workload.INCOMING);
        }
        if (SERVER_SIDE_SYNC.equals(request.outgoingDeliveryMethod())) {
            workloads.add(Workload.OUTGOING);
        }
        if (SERVER_SIDE_SYNC.equals(request.actDeliveryMethod())) {
            workloads.add(Workload.ACT);
        }
        return workloads;
    }

    private static List<UUID> recipients(UUID mailboxOwner, UUID profileOwner) {
        Set<UUID> all = new LinkedHashSet<>();
        if (mailboxOwner != null) {
            all.add(mailboxOwner);
        }
        if (profileOwner != null) {
            all.add(profileOwner);
        }
        return List.copyOf(all);
    }

    /** What alert texts and recipients need about the mailbox and its profile. */
    private record Context(TestAndEnableRequested request, String profileName, List<UUID> failureRecipients) {

        String mailboxName() {
            return ResultRecorder.mailboxName(request);
        }

        List<UUID> ownerOnly() {
            return request.ownerId() == null ? List.of() : List.of(request.ownerId());
        }

        MailboxReport report(Map<Workload, TestStatus> statuses, boolean transientError) {
            return report(statuses, transientError, Map.of(), List.of());
        }

        /** SPEC §6: the approval gate's texts, one alert per tested workload. */
        MailboxReport notApproved(Set<Workload> workloads) {
            Map<Workload, TestStatus> statuses = new EnumMap<>(Workload.class);
            List<MailboxReport.AlertDraft> alerts = new ArrayList<>();
            for (Workload workload : workloads) {
                statuses.put(workload, TestStatus.FAILURE);
                String text = switch (workload) {
                    case INCOMING -> "Email can't be received because the email address of the mailbox "
                            + mailboxName() + " requires an approval by a Microsoft 365 administrator. The mailbox has "
                            + "been disabled for receiving email and the owner of the email server profile "
                            + profileName + " has been notified.";
                    case OUTGOING -> "Email can't be sent because the email address of the mailbox " + mailboxName()
                            + " requires an approval by a Microsoft 365 administrator. The mailbox has been disabled "
                            + "for sending email and the owner of the email server profile " + profileName
                            + " has been notified.";
                    case ACT -> "Appointments, contacts and tasks can't be synchronized because the email address of "
                            + "the mailbox " + mailboxName() + " requires an approval by a Microsoft 365 "
                            + "administrator. The mailbox has been disabled for synchronizing appointments, contacts "
                            + "and tasks and the owner of the email server profile " + profileName
                            + " has been notified.";
                };
                alerts.add(new MailboxReport.AlertDraft("ERROR", ErrorCodes.EMAIL_ADDRESS_NOT_APPROVED, workload, text,
                        failureRecipients));
            }
            return new MailboxReport(statuses, ErrorCodes.EMAIL_ADDRESS_NOT_APPROVED,
                    ErrorCodes.remediation(ErrorCodes.EMAIL_ADDRESS_NOT_APPROVED), false, alerts);
        }

        MailboxReport report(Map<Workload, TestStatus> statuses, boolean transientError,
                             Map<Workload, WorkloadResult> results, List<MailboxReport.AlertDraft> extra) {
            List<MailboxReport.AlertDraft> alerts = new ArrayList<>();
            String firstCode = null;
            for (Map.Entry<Workload, WorkloadResult> entry : results.entrySet()) {
                WorkloadResult result = entry.getValue();
                if (result.succeeded()) {
                    continue;
                }
                if (firstCode == null) {
                    firstCode = result.code();
                }
                alerts.add(new MailboxReport.AlertDraft("ERROR", result.code(), entry.getKey(),
                        failureText(entry.getKey()) + " for the mailbox " + mailboxName() + " (" + result.code()
                                + "). " + ErrorCodes.remediation(result.code()), failureRecipients));
            }
            MailboxReport draft = new MailboxReport(statuses, firstCode,
                    firstCode == null ? null : ErrorCodes.remediation(firstCode), transientError && firstCode != null,
                    alerts);
            if (draft.mailboxStatus() == TestStatus.SUCCESS) {
                alerts.add(new MailboxReport.AlertDraft("INFORMATION", ErrorCodes.TEST_SUCCEEDED, null,
                        "The mailbox " + mailboxName() + " was tested and enabled: incoming email "
                                + draft.status(Workload.INCOMING) + ", outgoing email "
                                + draft.status(Workload.OUTGOING) + ", appointments, contacts and tasks "
                                + draft.status(Workload.ACT) + ".", ownerOnly()));
            }
            alerts.addAll(extra);
            return draft;
        }

        private static String failureText(Workload workload) {
            return switch (workload) {
                case INCOMING -> "Email can't be received";
                case OUTGOING -> "Email can't be sent";
                case ACT -> "Appointments, contacts and tasks can't be synchronized";
            };
        }
    }
}
