package io.exsync.worker.repository;

import io.exsync.worker.domain.Job;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    /**
     * Inserts the job unless it exists (concurrent first sights from several partitions or instances); a null
     * {@code total} means the size is not known yet.
     */
    public void insertIfAbsent(UUID id, UUID environmentId, String kind, UUID profileId, Integer total,
                               UUID requestedBy) {
        getEntityManager().createNativeQuery("""
                        insert into job (id, environment_id, kind, profile_id, state, total, size_known, requested_by,
                                         created_on)
                        values (?1, ?2, ?3, ?4, 'QUEUED', ?5, ?6, ?7, ?8) on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, environmentId).setParameter(3, kind).setParameter(4, profileId)
                .setParameter(5, total == null ? 0 : total).setParameter(6, total != null)
                .setParameter(7, requestedBy).setParameter(8, OffsetDateTime.now())
                .executeUpdate();
    }

    /** A profile-wide job is born without a size; the fan-out's requests carry it. Locks the row only to set it. */
    public void raiseTotal(UUID id, int total) {
        getEntityManager().createNativeQuery("""
                        update job set total = greatest(total, ?2), size_known = true
                        where id = ?1 and (not size_known or total < ?2)""")
                .setParameter(1, id).setParameter(2, total).executeUpdate();
    }

    /** QUEUED -> RUNNING once, whoever sees the job's first mailbox; true for that one caller. */
    public boolean startIfQueued(UUID id) {
        return getEntityManager().createNativeQuery(
                        "update job set state = 'RUNNING', started_on = ?2 where id = ?1 and state = 'QUEUED'")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now()).executeUpdate() == 1;
    }

    /**
     * The job row with a shared lock: many intake and result transactions hold it at once, while cancel, retry and
     * completion (exclusive lock) wait for them, so none of them can slip between a check and a commit.
     */
    public Optional<Job> shared(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /** The job row locked for this transaction: serializes start, completion, cancel and retry. */
    public Optional<Job> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
