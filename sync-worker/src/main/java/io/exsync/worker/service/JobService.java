package io.exsync.worker.service;

import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.TestJobEvent;
import io.exsync.events.outbox.Outbox;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.security.Caller;
import io.exsync.worker.domain.Job;
import io.exsync.worker.domain.JobKind;
import io.exsync.worker.domain.JobMailbox;
import io.exsync.worker.domain.JobState;
import io.exsync.worker.domain.Outcome;
import io.exsync.worker.domain.WorkState;
import io.exsync.worker.repository.JobMailboxRepository;
import io.exsync.worker.repository.JobRepository;
import io.exsync.worker.repository.ReadModelRepository;
import io.exsync.worker.rest.JobResponse;
import io.exsync.worker.rest.JobResultResponse;
import io.exsync.worker.rest.RegisterJobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Jobs: intake of TestAndEnableRequested, progress and completion, and the job API (read, cancel, retry-failed). */
@ApplicationScoped
public class JobService {

    private final JobRepository jobs;
    private final JobMailboxRepository mailboxes;
    private final ReadModelRepository readModels;
    private final Outbox outbox;
    private final Instance<Caller> caller;
    private final Dispatcher dispatcher;
    private final JobCompleter completer;
    private final StartedJobs startedJobs;

    public JobService(JobRepository jobs, JobMailboxRepository mailboxes, ReadModelRepository readModels,
                      Outbox outbox, Instance<Caller> caller, Dispatcher dispatcher,
                      JobCompleter completer, StartedJobs startedJobs) {
        this.jobs = jobs;
        this.mailboxes = mailboxes;
        this.readModels = readModels;
        this.outbox = outbox;
        this.caller = caller;
        this.dispatcher = dispatcher;
        this.completer = completer;
        this.startedJobs = startedJobs;
    }

    /**
     * One mailbox of a job arrived (first delivery of its event; the caller's transaction also holds the inbox row).
     * The first one starts the job; a mailbox already in the job is ignored, so it is reported once. The job row is
     * only share-locked: intake and results of one job run concurrently, cancel and completion wait for them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(TestAndEnableRequested request, String requestJson) {
        boolean started = false;
        if (!startedJobs.covers(request.jobId(), request.jobTotal())) {
            jobs.insertIfAbsent(request.jobId(), request.environmentId(), JobKind.MAILBOXES.name(),
                    request.profileId(), request.jobTotal(), request.requestedBy());
            jobs.raiseTotal(request.jobId(), request.jobTotal());
            started = jobs.startIfQueued(request.jobId());
            startedJobs.rememberAfterCommit(request.jobId(), request.jobTotal());
        }
        Job job = jobs.shared(request.jobId()).orElseThrow();
        if (!mailboxes.insertIfAbsent(job.id, request.mailboxId(), request.profileId(), request.emailAddress(),
                requestJson)) {
            return;
        }
        if (job.state == JobState.CANCELLED) {
            JobMailbox row = mailboxes.find("jobId = ?1 and mailboxId = ?2", job.id, request.mailboxId()).firstResult();
            cancel(row);
            mailboxes.flush();
            completer.checkAfterCommit(job.id);
            return;
        }
        if (started) {
            outbox.append(new TestJobEvent.TestJobStarted(job.environmentId, job.id, job.kind.name(), job.profileId,
                    job.total, job.requestedBy));
        }
        dispatcher.wakeUpAfterCommit();
    }

    /** A profile-wide run: the job is of kind PROFILE (mailbox-service fans it out into TestAndEnableRequested). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void profileTestRequested(UUID environmentId, UUID jobId, UUID profileId, UUID requestedBy) {
        jobs.insertIfAbsent(jobId, environmentId, JobKind.PROFILE.name(), profileId, null, requestedBy);
        Job job = jobs.locked(jobId).orElseThrow();
        job.kind = JobKind.PROFILE;
        job.profileId = profileId;
    }

    /**
     * PUT /internal/jobs/{id}: the service that answers 202 registers the job, so it is readable at once. Idempotent.
     * A PROFILE job may come without a total (profile-service does not know it); a later PUT with the total (the
     * fan-out in mailbox-service) sets it, and a total of 0 completes the job at once (one TestJobCompleted).
     */
    @Transactional
    public JobResponse register(UUID jobId, RegisterJobRequest request) {
        requireService();
        if (request.total() == null && !JobKind.PROFILE.name().equals(request.kind())) {
            throw ApiException.validation("total", "must not be null");
        }
        jobs.insertIfAbsent(jobId, request.environmentId(), request.kind(), request.profileId(), request.total(),
                null);
        Job job = jobs.locked(jobId).orElseThrow();
        if (!job.environmentId.equals(request.environmentId())) {
            throw new ApiException(409, "JobConflict", "The job exists in another environment.");
        }
        job.kind = JobKind.valueOf(request.kind());
        if (request.total() != null) {
            job.total = request.total();
            job.sizeKnown = true;
        }
        if (request.profileId() != null) {
            job.profileId = request.profileId();
        }
        completeIfDone(job);
        return response(job);
    }

    @Transactional
    public JobResponse get(UUID jobId) {
        return response(visible(jobId));
    }

    @Transactional
    public Page<JobResultResponse> results(UUID jobId, PageParams paging) {
        Job job = visible(jobId);
        var query = mailboxes.results(job.id).page(io.quarkus.panache.common.Page.of(paging.page, paging.size));
        return new Page<>(query.list().stream().map(JobResultResponse::from).toList(), paging.page, paging.size,
                query.count());
    }

    /** Stops the mailboxes not started yet (queued or waiting for a retry); running tests finish. */
    @Transactional
    public JobResponse cancel(UUID jobId) {
        Job job = visibleLocked(jobId);
        if (job.state == JobState.COMPLETED) {
            throw new ApiException(409, "JobFinished", "The job has already completed.");
        }
        if (job.state != JobState.CANCELLED) {
            job.state = JobState.CANCELLED;
            if (job.startedOn == null) {
                job.startedOn = OffsetDateTime.now();
            }
            mailboxes.waiting(job.id).forEach(JobService::cancel);
            mailboxes.flush();
            completeIfDone(job);
        }
        return response(job);
    }

    /** Re-runs only the FAILED mailboxes of the job, from their first try. */
    @Transactional
    public JobResponse retryFailed(UUID jobId) {
        Job job = visibleLocked(jobId);
        var failed = mailboxes.failed(job.id);
        if (failed.isEmpty()) {
            throw new ApiException(409, "NothingToRetry", "The job has no failed mailboxes.");
        }
        for (JobMailbox row : failed) {
            row.state = WorkState.QUEUED;
            row.dueAt = OffsetDateTime.now();
            row.claimId = null;
            row.leaseUntil = null;
            row.transientFailures = 0;
            row.throttleWaits = 0;
            row.outcome = null;
            row.incomingStatus = null;
            row.outgoingStatus = null;
            row.actStatus = null;
            row.mailboxStatus = null;
            row.errorCode = null;
            row.message = null;
            row.completedOn = null;
        }
        job.state = JobState.RUNNING;
        job.finishedOn = null;
        mailboxes.flush();
        dispatcher.wakeUpAfterCommit();
        return response(job);
    }

    /** Completes the job when every mailbox has a result (the job completer's own transaction). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completeIfDone(UUID jobId) {
        jobs.locked(jobId).ifPresent(this::completeIfDone);
    }

    /** Completes the job when every mailbox has a result; the job row must be locked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeIfDone(Job job) {
        if (job.finishedOn != null || !job.sizeKnown || job.state == JobState.QUEUED && job.total > 0) {
            return;
        }
        JobMailboxRepository.Counts counts = mailboxes.counts(job.id);
        if (counts.completed() < job.total) {
            return;
        }
        if (job.state != JobState.CANCELLED) {
            job.state = JobState.COMPLETED;
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (job.startedOn == null) {
            job.startedOn = now;
        }
        job.finishedOn = now;
        outbox.append(new TestJobEvent.TestJobCompleted(job.environmentId, job.id, job.state.name(), job.total,
                counts.succeeded(), counts.failed(), counts.cancelled()));
    }

    private static void cancel(JobMailbox row) {
        row.state = WorkState.DONE;
        row.outcome = Outcome.CANCELLED;
        row.claimId = null;
        row.leaseUntil = null;
        row.completedOn = OffsetDateTime.now();
    }

    private JobResponse response(Job job) {
        JobMailboxRepository.Counts counts = mailboxes.counts(job.id);
        Long eta = null;
        if (job.state == JobState.RUNNING && job.sizeKnown && job.startedOn != null && counts.completed() > 0) {
            long elapsed = Duration.between(job.startedOn, OffsetDateTime.now()).toMillis();
            eta = Math.max(0, elapsed * (job.total - counts.completed()) / counts.completed() / 1000);
        }
        return new JobResponse(job.id, job.environmentId, job.kind.name(), job.state.name(),
                job.sizeKnown ? job.total : null,
                counts.completed(), counts.succeeded(), counts.failed(), counts.retrying(), job.startedOn,
                job.finishedOn, eta);
    }

    /** SPEC §2: a caller of another tenant than the job's environment learns nothing (404); service tokens pass. */
    private Job visible(UUID jobId) {
        Job job = jobs.findByIdOptional(jobId).orElseThrow(() -> ApiException.notFound("Job " + jobId));
        requireTenant(job);
        return job;
    }

    private Job visibleLocked(UUID jobId) {
        Job job = jobs.locked(jobId).orElseThrow(() -> ApiException.notFound("Job " + jobId));
        requireTenant(job);
        return job;
    }

    private void requireTenant(Job job) {
        Caller current = caller.get();
        if (current.isService()) {
            return;
        }
        String tenant = readModels.tenantOf(job.environmentId).orElse(null);
        if (tenant == null || !tenant.equals(current.tenantId())) {
            throw ApiException.notFound("Job " + job.id);
        }
    }

    private void requireService() {
        if (!caller.get().isService()) {
            throw ApiException.forbidden("Only service tokens may register jobs.");
        }
    }
}
