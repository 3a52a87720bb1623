package io.exsync.events.outbox;

import io.exsync.events.EventJson;
import io.exsync.events.EventType;
import io.exsync.events.ExSyncEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into {@code outbox_event} inside the caller's transaction, so an event exists exactly when the
 * state change it announces was committed. The relay publishes the rows; a commit wakes it at once.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (id, topic, aggregate_id, type, environment_id, payload, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final Object WAKE_UP_KEY = new Object();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EventsConfig config;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                  EventsConfig config) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.config = config;
    }

    /** Appends one event; returns its CloudEvents id. Must run inside the transaction of the state change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(ExSyncEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Appends events in one JDBC batch (a bulk action with thousands of mailboxes), in the given order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(Collection<? extends ExSyncEvent> events) {
        List<UUID> ids = events.stream().map(e -> UUID.randomUUID()).toList();
        Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int i = 0;
                for (ExSyncEvent event : events) {
                    EventType type = EventType.of(event);
                    insert.setObject(1, ids.get(i++));
                    insert.setString(2, type.topic().name(config.topicPrefix()));
                    insert.setString(3, event.aggregateId());
                    insert.setString(4, type.ceType());
                    insert.setString(5, event.environmentId() == null ? null : event.environmentId().toString());
                    insert.setString(6, EventJson.write(event));
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return ids;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
