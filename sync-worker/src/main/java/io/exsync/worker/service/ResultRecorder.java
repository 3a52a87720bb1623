package io.exsync.worker.service;

import io.exsync.events.AlertEvent;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.MailboxTestEvent;
import io.exsync.events.Regarding;
import io.exsync.events.outbox.Outbox;
import io.exsync.worker.domain.Job;
import io.exsync.worker.domain.JobMailbox;
import io.exsync.worker.domain.JobState;
import io.exsync.worker.domain.Outcome;
import io.exsync.worker.domain.ProfileInfo;
import io.exsync.worker.domain.TestStatus;
import io.exsync.worker.domain.WorkState;
import io.exsync.worker.domain.Workload;
import io.exsync.worker.repository.JobMailboxRepository;
import io.exsync.worker.repository.JobMailboxRepository.Claim;
import io.exsync.worker.repository.JobRepository;
import io.exsync.worker.repository.ReadModelRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes what a mailbox test produced, each in one transaction with its events: the result + MailboxTestCompleted +
 * AlertRaised (+ a profile-level AlertRaised), or a rescheduled try (+ MailboxTestPostponed for a transient
 * failure). A result locks only its mailbox row (and, for a failure on a profile that asks for it, the profile's
 * {@code profile_alert} row), so results of one job commit in parallel; the {@link JobCompleter} finishes the job
 * after the last one committed. A claim that lost its row (cancelled, or taken over after its lease ran out) writes
 * nothing: a mailbox is reported once per job.
 */
@ApplicationScoped
public class ResultRecorder {

    private final JobRepository jobs;
    private final JobMailboxRepository mailboxes;
    private final ReadModelRepository readModels;
    private final JobCompleter completer;
    private final ProfileAlerts profileAlerts;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    public ResultRecorder(JobRepository jobs, JobMailboxRepository mailboxes, ReadModelRepository readModels,
                          JobCompleter completer, ProfileAlerts profileAlerts, Outbox outbox,
                          MeterRegistry metrics) {
        this.jobs = jobs;
        this.mailboxes = mailboxes;
        this.readModels = readModels;
        this.completer = completer;
        this.profileAlerts = profileAlerts;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public Optional<ProfileInfo> profile(UUID profileId) {
        return readModels.profile(profileId).map(p -> {
            ProfileInfo copy = new ProfileInfo();
            copy.profileId = p.profileId;
            copy.environmentId = p.environmentId;
            copy.name = p.name;
            copy.ownerId = p.ownerId;
            copy.sendAlertEmailToOwner = p.sendAlertEmailToOwner;
            return copy;
        });
    }

    @Transactional
    public boolean complete(Claim claim, TestAndEnableRequested request, MailboxReport report) {
        JobMailbox row = mailboxes.owned(claim.id(), claim.claimId());
        if (row == null) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now();
        TestStatus mailboxStatus = report.mailboxStatus();
        row.state = WorkState.DONE;
        row.outcome = mailboxStatus == TestStatus.FAILURE ? Outcome.FAILED : Outcome.SUCCEEDED;
        row.incomingStatus = report.status(Workload.INCOMING);
        row.outgoingStatus = report.status(Workload.OUTGOING);
        row.actStatus = report.status(Workload.ACT);
        row.mailboxStatus = mailboxStatus;
        row.errorCode = report.errorCode();
        row.message = report.message();
        row.completedOn = now;
        row.claimId = null;
        row.leaseUntil = null;
        outbox.append(new MailboxTestEvent.MailboxTestCompleted(request.environmentId(), request.jobId(),
                request.mailboxId(), row.outcome.name(), row.incomingStatus.name(), row.outgoingStatus.name(),
                row.actStatus.name(), mailboxStatus.name(), row.incomingStatus == TestStatus.SUCCESS,
                row.outgoingStatus == TestStatus.SUCCESS, row.actStatus == TestStatus.SUCCESS, report.errorCode(),
                report.message(), report.transientError(), row.attempts, now));
        List<AlertEvent.AlertRaised> alerts = new ArrayList<>();
        Regarding regarding = new Regarding("MAILBOX", request.mailboxId(), mailboxName(request));
        for (MailboxReport.AlertDraft alert : report.alerts()) {
            alerts.add(new AlertEvent.AlertRaised(request.environmentId(), UUID.randomUUID(), alert.level(),
                    alert.code(), alert.workload() == null ? null : alert.workload().name(), alert.message(),
                    regarding, alert.recipients(), 1));
        }
        if (!alerts.isEmpty()) {
            outbox.appendAll(alerts);
        }
        mailboxes.flush();
        if (row.outcome == Outcome.FAILED && request.profileId() != null) {
            profileAlerts.mailboxFailed(request.environmentId(), request.profileId(), now);
        }
        completer.checkAfterCommit(request.jobId());
        metrics.counter("exsync_worker_tests_total", "outcome", row.outcome.name(),
                "code", report.errorCode() == null ? "none" : report.errorCode()).increment();
        return true;
    }

    /**
     * Another try later: counted for transient errors, not for throttling. A transient failure also publishes
     * MailboxTestPostponed, so mailbox-service shows transientFailureCount and postponedUntil (SPEC §4) while the
     * mailbox waits; a throttling wait is the server's pacing, not a failure, and publishes nothing.
     */
    @Transactional
    public boolean reschedule(Claim claim, TestAndEnableRequested request, OffsetDateTime dueAt,
                              boolean transientFailure, String errorCode) {
        Job job = jobs.shared(request.jobId()).orElseThrow();
        JobMailbox row = mailboxes.owned(claim.id(), claim.claimId());
        if (row == null) {
            return false;
        }
        row.claimId = null;
        row.leaseUntil = null;
        if (job.state == JobState.CANCELLED) {
            row.state = WorkState.DONE;
            row.outcome = Outcome.CANCELLED;
            row.completedOn = OffsetDateTime.now();
            completer.checkAfterCommit(request.jobId());
            return true;
        }
        row.state = WorkState.RETRYING;
        row.dueAt = dueAt;
        if (transientFailure) {
            row.transientFailures++;
            outbox.append(new MailboxTestEvent.MailboxTestPostponed(request.environmentId(), request.jobId(),
                    request.mailboxId(), row.transientFailures, dueAt, errorCode, row.attempts));
            metrics.counter("exsync_worker_retries_total").increment();
        } else {
            row.throttleWaits++;
            metrics.counter("exsync_worker_throttle_waits_total").increment();
        }
        return true;
    }

    static String mailboxName(TestAndEnableRequested request) {
        return request.regarding() != null && request.regarding().name() != null ? request.regarding().name()
                : request.emailAddress();
    }
}
