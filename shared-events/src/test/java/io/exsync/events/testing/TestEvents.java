package io.exsync.events.testing;

import io.exsync.events.CloudEventHeaders;
import io.exsync.events.EventJson;
import io.exsync.events.EventType;
import io.exsync.events.ExSyncEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events onto the test topics exactly as another service's outbox relay would (CloudEvents binary mode,
 * key = aggregate id), for tests of a consumer. {@link #publish(ExSyncEvent, UUID)} with a fixed id simulates a
 * redelivery.
 */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    public UUID publish(ExSyncEvent event) {
        return publish(event, UUID.randomUUID());
    }

    public UUID publish(ExSyncEvent event, UUID ceId) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic().name(TestTopics.PREFIX),
                event.aggregateId(), EventJson.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, ceId.toString());
        header(record, CloudEventHeaders.TYPE, type.ceType());
        header(record, CloudEventHeaders.SOURCE, "/tests");
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.ENVIRONMENT, event.environmentId().toString());
        send(record);
        return ceId;
    }

    /** Sends any record (also one no relay would write) and waits for the broker's acknowledgement. */
    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
