package io.exsync.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.probe.ProbeService;
import io.exsync.events.testing.TestSchema;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The wire contract of every event type of SPEC §7, as a plain Kafka consumer sees it after the outbox relay:
 * the JSON body (compared with the committed {@code contracts/<ce_type>.json}) and the CloudEvents headers.
 * Services add their own contract tests for the events they produce; this one pins the shared records.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(TestSchema.class)
class EventContractTest {

    @Inject
    ProbeService service;

    @Test
    void samplesCoverEveryEventType() {
        Set<EventType> covered = SampleEvents.all().stream().map(EventType::of).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void everyEventTypeHasItsJsonBodyAndCloudEventsHeadersOnTheWire() throws IOException {
        List<String> topics = Arrays.stream(Topic.values()).map(t -> t.name(TestTopics.PREFIX)).toList();
        List<ExSyncEvent> samples = SampleEvents.all();
        try (PlainConsumer consumer = PlainConsumer.fromEnd(topics)) {
            OffsetDateTime committedAround = OffsetDateTime.now();
            List<UUID> ids = service.commit(samples);
            Set<String> expectedIds = ids.stream().map(UUID::toString).collect(Collectors.toSet());
            Map<String, ConsumerRecord<String, String>> byId = new HashMap<>();
            consumer.await(r -> expectedIds.contains(header(r, CloudEventHeaders.ID)), samples.size(),
                    Duration.ofSeconds(30)).forEach(r -> byId.put(header(r, CloudEventHeaders.ID), r));
            assertThat(byId).hasSameSizeAs(samples);

            for (int i = 0; i < samples.size(); i++) {
                ExSyncEvent sample = samples.get(i);
                EventType type = EventType.of(sample);
                ConsumerRecord<String, String> record = byId.get(ids.get(i).toString());

                assertThat(record.topic()).as(type.ceType()).isEqualTo(type.topic().name(TestTopics.PREFIX));
                assertThat(record.key()).as(type.ceType()).isEqualTo(sample.aggregateId());
                assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(type.ceType());
                assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/shared-events-probe");
                assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(sample.aggregateId());
                assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
                assertThat(header(record, CloudEventHeaders.ENVIRONMENT)).isEqualTo(sample.environmentId().toString());
                assertThat(OffsetDateTime.parse(header(record, CloudEventHeaders.TIME)))
                        .isCloseTo(committedAround, within(Duration.ofSeconds(30).toMillis(),
                                java.time.temporal.ChronoUnit.MILLIS));

                JsonNode body = EventJson.parse(record.value());
                assertThat(body).as(type.ceType()).isEqualTo(contract(type));
                assertThat(body.get("environmentId").asText()).isEqualTo(sample.environmentId().toString());
                assertThat(IncomingEvent.from(record).event()).isEqualTo(sample);
            }
        }
    }

    private static JsonNode contract(EventType type) throws IOException {
        String path = "/contracts/" + type.ceType() + ".json";
        try (InputStream in = EventContractTest.class.getResourceAsStream(path)) {
            assertThat(in).as("contract file " + path).isNotNull();
            return EventJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
