package io.exsync.events.probe;

import io.exsync.events.IncomingEvent;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.inbox.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer built the way services build theirs: parse, check the inbox, apply the effect, one transaction. */
@ApplicationScoped
public class ProbeConsumer {

    public record Delivery(UUID eventId, String key, String name) {
    }

    private final ProcessedMessages processedMessages;
    private final EntityManager entityManager;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public ProbeConsumer(ProcessedMessages processedMessages, EntityManager entityManager) {
        this.processedMessages = processedMessages;
        this.entityManager = entityManager;
    }

    @Incoming("probe")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        String name = event.event() instanceof ProfileUpdated updated ? updated.name() : null;
        deliveries.add(new Delivery(event.id(), record.key(), name));
        if (!processedMessages.firstDelivery("probe", event.id())) {
            return;
        }
        entityManager.createNativeQuery("insert into probe_effect (event_id, aggregate_id, name) values (?1, ?2, ?3)")
                .setParameter(1, event.id())
                .setParameter(2, record.key())
                .setParameter(3, name)
                .executeUpdate();
    }

    public List<Delivery> deliveries() {
        return deliveries;
    }
}
