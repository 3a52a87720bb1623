package io.exsync.mailbox.messaging;

import io.exsync.events.AlertEvent.AlertRaised;
import io.exsync.events.IncomingEvent;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.mailbox.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The alert walls: a repeat of the same (regarding, code, workload) updates the alert and raises its count. */
@ApplicationScoped
public class AlertEventsConsumer {

    static final String CONSUMER = "mailbox-service.alert-events";

    private static final String UPSERT = """
            insert into alert (id, environment_id, level, code, workload, message, regarding_type, regarding_id,
                               recipient_ids, count, created_on, updated_on)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as uuid[]), 1, ?10, ?10)
            on conflict (regarding_id, code, coalesce(workload, '')) do update
               set level = excluded.level, message = excluded.message,
                   recipient_ids = excluded.recipient_ids, count = alert.count + 1,
                   updated_on = greatest(alert.updated_on, excluded.updated_on)""";

    private final ProcessedMessages processed;
    private final EntityManager entityManager;
    private final ReadModelRepository readModels;

    public AlertEventsConsumer(ProcessedMessages processed, EntityManager entityManager,
                               ReadModelRepository readModels) {
        this.processed = processed;
        this.entityManager = entityManager;
        this.readModels = readModels;
    }

    @Incoming("alert-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!(event.event() instanceof AlertRaised alert) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (readModels.environment(alert.environmentId()) == null) {
            // Not an environment of this deployment (or a stray test record): nobody's wall shows it.
            return;
        }
        OffsetDateTime at = event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time();
        String recipients = "{" + String.join(",", alert.recipientIds().stream().map(UUID::toString).toList()) + "}";
        entityManager.createNativeQuery(UPSERT)
                .setParameter(1, alert.alertId() == null ? UUID.randomUUID() : alert.alertId())
                .setParameter(2, alert.environmentId())
                .setParameter(3, alert.level())
                .setParameter(4, alert.code())
                .setParameter(5, alert.workload())
                .setParameter(6, alert.message())
                .setParameter(7, alert.regarding().type())
                .setParameter(8, alert.regarding().id())
                .setParameter(9, recipients)
                .setParameter(10, at)
                .executeUpdate();
    }
}
