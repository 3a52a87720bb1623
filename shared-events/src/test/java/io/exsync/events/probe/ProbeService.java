package io.exsync.events.probe;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import io.exsync.events.inbox.RetryTransient;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.List;
import java.util.UUID;

/** Stands in for a service method: a state change (none here) and its events in one transaction. */
@ApplicationScoped
public class ProbeService {

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public ProbeService(Outbox outbox, EntityManager entityManager, AgroalDataSource dataSource) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    @Transactional
    public List<UUID> commit(List<? extends ExSyncEvent> events) {
        return outbox.appendAll(events);
    }

    /**
     * Appends the event, then fails like a database restart for the first {@code outages} calls: with
     * {@link RetryTransient} outside the transaction each attempt rolls back alone and the last one commits.
     */
    @RetryTransient
    @Transactional
    public void commitThroughOutages(ExSyncEvent event, AtomicInteger outages) {
        outbox.append(event);
        if (outages.getAndDecrement() > 0) {
            throw new IllegalStateException(new SQLException("the database system is shutting down", "57P03"));
        }
    }

    /**
     * Appends and flushes the event, then for the first {@code outages} attempts the server ends this transaction's
     * session (as a PostgreSQL restart does) before the commit, so the commit itself fails.
     */
    @RetryTransient
    @Transactional
    public void commitThroughSessionsEndedBeforeCommit(ExSyncEvent event, AtomicInteger outages) {
        outbox.append(event);
        entityManager.flush();
        if (outages.getAndDecrement() > 0) {
            Number pid = (Number) entityManager.createNativeQuery("select pg_backend_pid()").getSingleResult();
            // from another thread: a connection outside this transaction
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (var connection = dataSource.getConnection();
                     var terminate = connection.prepareStatement("select pg_terminate_backend(?)")) {
                    terminate.setInt(1, pid.intValue());
                    terminate.execute();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).join();
        }
    }

    @Transactional
    public void rollBackAfterAppending(ExSyncEvent event) {
        outbox.append(event);
        throw new IllegalStateException("business rule failed after the event was written");
    }
}
