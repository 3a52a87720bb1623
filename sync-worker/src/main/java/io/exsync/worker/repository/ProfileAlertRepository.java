package io.exsync.worker.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The profile-level alert: when it was last raised (one row per profile) and the profile's failure rate. */
@ApplicationScoped
public class ProfileAlertRepository {

    /** {@code failed} of {@code total} mailboxes of a profile (see {@link #failureRate}). */
    public record FailureRate(long failed, long total) {
    }

    private final EntityManager entityManager;

    public ProfileAlertRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** When the profile's alert was last raised, without a lock: a cheap early exit for most failures. */
    public Optional<OffsetDateTime> raisedOn(UUID profileId) {
        @SuppressWarnings("unchecked")
        List<OffsetDateTime> rows = entityManager.createNativeQuery(
                        "select raised_on from profile_alert where profile_id = ?1", OffsetDateTime.class)
                .setParameter(1, profileId).getResultList();
        return rows.stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * The profile's row, locked until the transaction ends: two instances deciding about the same profile take
     * turns, and the second sees what the first raised.
     */
    public Optional<OffsetDateTime> lockRaisedOn(UUID profileId) {
        entityManager.createNativeQuery(
                        "insert into profile_alert (profile_id) values (?1) on conflict (profile_id) do nothing")
                .setParameter(1, profileId).executeUpdate();
        @SuppressWarnings("unchecked")
        List<OffsetDateTime> rows = entityManager.createNativeQuery(
                        "select raised_on from profile_alert where profile_id = ?1 for update", OffsetDateTime.class)
                .setParameter(1, profileId).getResultList();
        return rows.stream().filter(Objects::nonNull).findFirst();
    }

    public void raised(UUID profileId, OffsetDateTime at) {
        entityManager.createNativeQuery("update profile_alert set raised_on = ?2 where profile_id = ?1")
                .setParameter(1, profileId).setParameter(2, at).executeUpdate();
    }

    /**
     * Failed: distinct mailboxes of the profile whose latest final result (SUCCEEDED or FAILED) since {@code since}
     * is FAILED. Total: distinct mailboxes of the profile with such a result or still waiting in a job, and at least
     * the size of a profile-wide run in progress (its mailboxes are every mailbox of the profile, including those
     * not arrived yet), so the first failures of a large run do not count as "all of them".
     */
    public FailureRate failureRate(UUID profileId, OffsetDateTime since) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        with latest as (
                            select distinct on (mailbox_id) mailbox_id, outcome
                            from job_mailbox
                            where profile_id = ?1 and completed_on >= ?2 and outcome in ('SUCCEEDED', 'FAILED')
                            order by mailbox_id, completed_on desc
                        ), known as (
                            select mailbox_id from latest
                            union
                            select mailbox_id from job_mailbox
                            where profile_id = ?1 and state in ('QUEUED', 'RUNNING', 'RETRYING')
                        )
                        select (select count(*) from latest where outcome = 'FAILED'),
                               (select count(*) from known),
                               (select coalesce(max(total), 0) from job
                                where profile_id = ?1 and kind = 'PROFILE' and finished_on is null)""")
                .setParameter(1, profileId).setParameter(2, since).getSingleResult();
        long failed = ((Number) row[0]).longValue();
        long total = Math.max(((Number) row[1]).longValue(), ((Number) row[2]).longValue());
        return new FailureRate(failed, total);
    }
}
