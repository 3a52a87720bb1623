package io.exsync.worker.repository;

import io.exsync.worker.domain.JobMailbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JobMailboxRepository implements PanacheRepositoryBase<JobMailbox, UUID> {

    /** A mailbox test taken by this instance: {@code claimId} proves ownership when the result is written. */
    public record Claim(UUID id, UUID claimId, String request, int attempts, int transientFailures,
                        int throttleWaits) {
    }

    public record Counts(int completed, int succeeded, int failed, int cancelled, int retrying) {
    }

    /** Inserts the mailbox of a job unless it is already there; true when this call inserted it. */
    public boolean insertIfAbsent(UUID jobId, UUID mailboxId, UUID profileId, String emailAddress, String request) {
        return getEntityManager().createNativeQuery("""
                        insert into job_mailbox (id, job_id, mailbox_id, profile_id, email_address, request, state,
                                                 due_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'QUEUED', ?7) on conflict (job_id, mailbox_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, jobId).setParameter(3, mailboxId)
                .setParameter(4, profileId).setParameter(5, emailAddress).setParameter(6, request)
                .setParameter(7, OffsetDateTime.now()).executeUpdate() == 1;
    }

    /**
     * Claims up to {@code limit} due mailboxes (and ones whose lease ran out: their instance died) with
     * {@code FOR UPDATE SKIP LOCKED}, so instances never take the same row.
     */
    @SuppressWarnings("unchecked")
    @jakarta.transaction.Transactional
    public List<Claim> claim(int limit, Duration lease) {
        UUID claimId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        update job_mailbox set state = 'RUNNING', claim_id = ?1, lease_until = ?2,
                               attempts = attempts + 1
                        where id in (select id from job_mailbox
                                     where (state in ('QUEUED', 'RETRYING') and due_at <= ?3)
                                        or (state = 'RUNNING' and lease_until < ?3)
                                     order by due_at limit ?4 for update skip locked)
                        returning id, request, attempts, transient_failures, throttle_waits""")
                .setParameter(1, claimId).setParameter(2, now.plus(lease)).setParameter(3, now)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], claimId, (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue())).toList();
    }

    /** Extends the leases of the rows these claims still hold (the claiming instance is alive). */
    @jakarta.transaction.Transactional
    public int renewLeases(List<UUID> claimIds, Duration lease) {
        return getEntityManager().createNativeQuery("""
                        update job_mailbox set lease_until = ?1
                        where claim_id in (?2) and state = 'RUNNING'""")
                .setParameter(1, OffsetDateTime.now().plus(lease)).setParameter(2, claimIds)
                .executeUpdate();
    }

    /** The mailbox row if this claim still owns it (not cancelled, not taken over after a lease ran out). */
    public JobMailbox owned(UUID id, UUID claimId) {
        return find("id = ?1 and claimId = ?2 and state = io.exsync.worker.domain.WorkState.RUNNING", id, claimId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** True while a mailbox of the job is queued, running or waiting for a retry (index job_mailbox_pending). */
    @jakarta.transaction.Transactional
    public boolean hasPending(UUID jobId) {
        return !getEntityManager().createNativeQuery(
                        "select 1 from job_mailbox where job_id = ?1 and state <> 'DONE' limit 1")
                .setParameter(1, jobId).getResultList().isEmpty();
    }

    /** Running or cancelled jobs not finished yet whose mailboxes are all done (they may still await arrivals). */
    @SuppressWarnings("unchecked")
    @jakarta.transaction.Transactional
    public List<UUID> unfinishedJobsWithNothingPending() {
        return getEntityManager().createNativeQuery("""
                        select j.id from job j
                        where j.finished_on is null and j.state in ('RUNNING', 'CANCELLED')
                          and not exists (select 1 from job_mailbox m where m.job_id = j.id and m.state <> 'DONE')""",
                        UUID.class)
                .getResultList();
    }

    public Counts counts(UUID jobId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        select count(*) filter (where state = 'DONE'),
                               count(*) filter (where outcome = 'SUCCEEDED'),
                               count(*) filter (where outcome = 'FAILED'),
                               count(*) filter (where outcome = 'CANCELLED'),
                               count(*) filter (where state = 'RETRYING')
                        from job_mailbox where job_id = ?1""")
                .setParameter(1, jobId).getSingleResult();
        return new Counts(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue());
    }

    public PanacheQuery<JobMailbox> results(UUID jobId) {
        return find("jobId = ?1 and state = io.exsync.worker.domain.WorkState.DONE",
                Sort.by("completedOn").and("mailboxId"), jobId);
    }

    public List<JobMailbox> waiting(UUID jobId) {
        return list("jobId = ?1 and state in (io.exsync.worker.domain.WorkState.QUEUED, "
                + "io.exsync.worker.domain.WorkState.RETRYING)", jobId);
    }

    public List<JobMailbox> failed(UUID jobId) {
        return list("jobId = ?1 and outcome = io.exsync.worker.domain.Outcome.FAILED", jobId);
    }
}
