package io.exsync.events.testing;

import io.exsync.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Records no consumer can process (issue 9): a value that is not JSON, a record without the CloudEvents headers,
 * an unknown {@code ce_type}. Published with one key, so they share a partition with a valid event sent after them
 * with the same key; each consumer channel must move them to {@code <topic>.dlq} and go on consuming.
 */
public final class PoisonRecords {

    private PoisonRecords() {
    }

    /** Publishes the three records on {@code topic} with {@code key}; returns their values, in order. */
    public static List<String> publish(String topic, String key) {
        String marker = UUID.randomUUID().toString();
        List<String> values = List.of("not json " + marker, "{\"environmentId\":\"" + marker + "\"}",
                "{\"environmentId\":\"" + marker + "\",\"unknown\":true}");
        try (TestEvents events = new TestEvents()) {
            ProducerRecord<String, String> notJson = new ProducerRecord<>(topic, key, values.get(0));
            headers(notJson, "io.exsync.profile.updated.v1");
            ProducerRecord<String, String> noHeaders = new ProducerRecord<>(topic, key, values.get(1));
            ProducerRecord<String, String> unknownType = new ProducerRecord<>(topic, key, values.get(2));
            headers(unknownType, "io.exsync.unknown.happened.v9");
            for (ProducerRecord<String, String> record : List.of(notJson, noHeaders, unknownType)) {
                events.send(record);
            }
        }
        return values;
    }

    /** The values of the records with {@code key} that reached the dead-letter topic (open it before publishing). */
    public static List<String> deadLettered(PlainConsumer deadLetters, String key, int count) {
        return deadLetters.await(record -> key.equals(record.key()), count, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).toList();
    }

    private static void headers(ProducerRecord<String, String> record, String ceType) {
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, ceType);
        header(record, CloudEventHeaders.SOURCE, "/hostile-tests");
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
