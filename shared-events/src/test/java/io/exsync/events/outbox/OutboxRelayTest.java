package io.exsync.events.outbox;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.CloudEventHeaders;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.probe.ProbeConsumer;
import io.exsync.events.probe.ProbeConsumer.Delivery;
import io.exsync.events.probe.ProbeService;
import io.exsync.events.testing.TestSchema;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The outbox and the idempotent consumer against the real PostgreSQL and Kafka broker. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(TestSchema.class)
class OutboxRelayTest {

    private static final UUID ENVIRONMENT = UUID.fromString("5e1a0000-0000-4000-8000-000000000001");
    private static final String PROFILE_TOPIC = Topic.PROFILE.name(TestTopics.PREFIX);

    @Inject
    ProbeService service;

    @Inject
    ProbeConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishesACommittedEventExactlyOnce() throws Exception {
        UUID profileId = UUID.randomUUID();
        UUID eventId = service.commit(List.of(updated(profileId, "committed"))).get(0);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects(eventId) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> isSent(eventId));
        try (PlainConsumer topic = PlainConsumer.fromBeginning(List.of(PROFILE_TOPIC))) {
            // Nothing else arrives after the mark: one record on the topic, one delivery, one effect.
            assertThat(topic.await(r -> header(r, CloudEventHeaders.ID).equals(eventId.toString()), 2,
                    Duration.ofSeconds(3))).hasSize(1);
        }
        assertThat(deliveries(eventId)).hasSize(1);
        assertThat(effects(eventId)).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedInATransactionOfItsOwnAndCommitsOnce() throws Exception {
        UUID profileId = UUID.randomUUID();
        java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger(2);
        service.commitThroughOutages(updated(profileId, "after two outages"), outages);
        assertThat(outages).hasValue(-1);
        assertThat(outboxRows(profileId)).as("the two failed attempts rolled back their rows").isEqualTo(1);
    }

    @Test
    void aCommitThatFailsBecauseTheServerEndedTheSessionIsRetried() throws Exception {
        UUID profileId = UUID.randomUUID();
        java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger(1);
        service.commitThroughSessionsEndedBeforeCommit(updated(profileId, "after a failed commit"), outages);
        assertThat(outages).as("one failed commit, then one that held").hasValue(-1);
        assertThat(outboxRows(profileId)).as("the failed commit wrote nothing").isEqualTo(1);
    }

    @Test
    void publishesNothingForARolledBackTransaction() throws Exception {
        UUID profileId = UUID.randomUUID();
        assertThatThrownBy(() -> service.rollBackAfterAppending(updated(profileId, "rolled-back")))
                .isInstanceOf(IllegalStateException.class);
        // A later event on the same key is delivered; the rolled-back one never was, and never was stored.
        UUID marker = service.commit(List.of(updated(profileId, "after-rollback"))).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects(marker) == 1);

        assertThat(consumer.deliveries()).filteredOn(d -> profileId.toString().equals(d.key()))
                .extracting(Delivery::name).containsExactly("after-rollback");
        assertThat(count("select count(*) from outbox_event where aggregate_id = '" + profileId + "'")).isEqualTo(1);
    }

    @Test
    void aCrashBetweenPublishAndMarkRedeliversAndTheConsumerAppliesTheEffectOnce() throws Exception {
        // The relay publishes, the broker acknowledges, then marking the rows as sent fails, as if the process
        // died at that moment: the rows stay unsent and are published again with the same ce_id.
        execute("""
                create or replace function fail_outbox_mark() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash before marking outbox rows sent'; end $$""");
        execute("create trigger fail_outbox_mark before update on outbox_event "
                + "for each statement execute function fail_outbox_mark()");
        UUID eventId;
        try {
            eventId = service.commit(List.of(updated(UUID.randomUUID(), "crash"))).get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(eventId).size() >= 2);
            assertThat(isSent(eventId)).isFalse();
        } finally {
            execute("drop trigger if exists fail_outbox_mark on outbox_event");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> isSent(eventId));

        assertThat(deliveries(eventId).size()).isGreaterThanOrEqualTo(2);
        assertThat(effects(eventId)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheRecordsBehindItAreConsumed() throws Exception {
        UUID profileId = UUID.randomUUID();
        String dlq = Topic.PROFILE.deadLetterName(TestTopics.PREFIX);
        try (PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(dlq));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            // Same key as the valid event below, so all three share a partition and the poison is in front.
            producer.send(new ProducerRecord<>(PROFILE_TOPIC, profileId.toString(), "{not json")).get();
            ProducerRecord<String, String> unknownType =
                    new ProducerRecord<>(PROFILE_TOPIC, profileId.toString(), "{\"environmentId\":null}");
            unknownType.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            unknownType.headers().add(CloudEventHeaders.TYPE, "io.exsync.unknown.v9".getBytes(StandardCharsets.UTF_8));
            unknownType.headers().add(CloudEventHeaders.SOURCE, "/elsewhere".getBytes(StandardCharsets.UTF_8));
            producer.send(unknownType).get();
            UUID valid = service.commit(List.of(updated(profileId, "behind-poison"))).get(0);

            await().atMost(Duration.ofSeconds(30)).until(() -> effects(valid) == 1);
            List<String> deadLettered = deadLetters.await(r -> profileId.toString().equals(r.key()), 2,
                    Duration.ofSeconds(20)).stream().map(r -> r.value()).collect(Collectors.toList());
            assertThat(deadLettered).containsExactly("{not json", "{\"environmentId\":null}");
        }
    }

    @Test
    void eventsOfOneAggregateArriveInOrder() {
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            aggregates.add(UUID.randomUUID());
        }
        // Interleaved across aggregates, some in single-event transactions and some in batches.
        for (int n = 0; n < 40; n++) {
            List<ProfileUpdated> batch = new ArrayList<>();
            for (UUID aggregate : aggregates) {
                batch.add(updated(aggregate, "seq-%03d".formatted(n)));
            }
            if (n % 2 == 0) {
                service.commit(batch);
            } else {
                batch.forEach(event -> service.commit(List.of(event)));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.deliveries().stream()
                .filter(d -> aggregates.contains(UUID.fromString(d.key()))).count() >= 240);
        for (UUID aggregate : aggregates) {
            List<String> names = consumer.deliveries().stream()
                    .filter(d -> aggregate.toString().equals(d.key())).map(Delivery::name).toList();
            assertThat(names).hasSize(40).isSorted();
        }
    }

    @Test
    void exposesOutboxLagAndThroughputMetrics() {
        service.commit(List.of(updated(UUID.randomUUID(), "metrics")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("exsync_outbox_lag_seconds"))
                .body(containsString("exsync_outbox_pending"))
                .body(containsString("exsync_outbox_published_total")));
    }

    private static ProfileUpdated updated(UUID profileId, String name) {
        return new ProfileUpdated(ENVIRONMENT, profileId, name, "EXCHANGE_ONLINE", "SERVER_TO_SERVER", "GRAPH",
                "PUBLIC", "ACTIVE", UUID.randomUUID(), 10, List.of("name"), false);
    }

    private List<Delivery> deliveries(UUID eventId) {
        return consumer.deliveries().stream().filter(d -> d.eventId().equals(eventId)).toList();
    }

    private long effects(UUID eventId) throws SQLException {
        return count("select count(*) from probe_effect where event_id = '" + eventId + "'");
    }

    private boolean isSent(UUID eventId) throws SQLException {
        return count("select count(*) from outbox_event where sent_at is not null and id = '" + eventId + "'") == 1;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private int outboxRows(UUID aggregateId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement rows = connection.prepareStatement(
                     "select count(*) from outbox_event where aggregate_id = ?")) {
            rows.setString(1, aggregateId.toString());
            try (ResultSet rs = rows.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record,
                                 String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
