package io.exsync.events.probe;

import io.exsync.events.ExSyncEvent;
import io.exsync.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import io.exsync.events.inbox.RetryTransient;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.List;
import java.util.UUID;

/** Stands in for a service method: a state change (none here) and its events in one transaction. */
@ApplicationScoped
public class ProbeService {

    private final Outbox outbox;

    public ProbeService(Outbox outbox) {
        this.outbox = outbox;
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

    @Transactional
    public void rollBackAfterAppending(ExSyncEvent event) {
        outbox.append(event);
        throw new IllegalStateException("business rule failed after the event was written");
    }
}
