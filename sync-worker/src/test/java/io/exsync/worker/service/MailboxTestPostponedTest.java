package io.exsync.worker.service;

import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.exsync.events.testing.TestSchema;
import io.exsync.worker.ExchangeSimulatorResource;
import io.exsync.worker.TestConnections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.exsync.worker.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a mailbox waits for a retry after a transient error the worker publishes MailboxTestPostponed (so
 * mailbox-service can show transientFailureCount and postponedUntil); throttling waits publish nothing.
 * %test config: 3 transient retries, 100 ms apart.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class MailboxTestPostponedTest {

    private static final String POSTPONED = "io.exsync.mailbox-test.postponed.v1";

    @Inject
    TestConnections connections;

    @BeforeEach
    void workerListens() {
        awaitConsumersReady();
    }

    @Test
    void eachTransientFailurePublishesThePostponementButThrottlingDoesNot() {
        scenario(List.of(mailbox("flaky@postponed.contoso.com", kind("flaky", "times", 2)),
                mailbox("throttle@postponed.contoso.com", kind("throttle", "times", 2, "retryAfterSeconds", 1))));
        UUID profile = UUID.randomUUID();
        UUID env = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        connections.put(graph(profile, 10000));
        TestAndEnableRequested flaky = onlyIncoming(request(env, jobId, 2, profile, "flaky@postponed.contoso.com"));
        TestAndEnableRequested throttled = onlyIncoming(request(env, jobId, 2, profile,
                "throttle@postponed.contoso.com"));
        OffsetDateTime before = OffsetDateTime.now();
        List<ConsumerRecord<String, String>> records;
        try (PlainConsumer consumer = consumer()) {
            publish(flaky);
            publish(throttled);
            records = recordsUntilCompleted(consumer, jobId);
        }

        List<ConsumerRecord<String, String>> postponed = records.stream()
                .filter(r -> ceType(r).equals(POSTPONED) && r.key().equals(flaky.mailboxId().toString())).toList();
        assertThat(postponed).hasSize(2);
        assertThat(postponed).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(SYNC_TOPIC);
            assertThat(PlainConsumer.header(r, "ce_subject")).isEqualTo(flaky.mailboxId().toString());
        });
        for (int i = 0; i < 2; i++) {
            JsonPath event = JsonPath.from(postponed.get(i).value());
            assertThat(event.getString("environmentId")).isEqualTo(env.toString());
            assertThat(event.getString("jobId")).isEqualTo(jobId.toString());
            assertThat(event.getString("mailboxId")).isEqualTo(flaky.mailboxId().toString());
            assertThat(event.getInt("transientFailureCount")).isEqualTo(i + 1);
            assertThat(event.getInt("attempts")).isEqualTo(i + 1);
            assertThat(event.getString("errorCode")).isEqualTo("ServerUnavailable");
            assertThat(OffsetDateTime.parse(event.getString("postponedUntil"))).isAfter(before);
        }
        assertThat(ofType(records, "io.exsync.mailbox-test.completed.v1", flaky.mailboxId().toString()))
                .singleElement().satisfies(e -> assertThat(e.getString("outcome")).isEqualTo("SUCCEEDED"));

        assertThat(records).filteredOn(r -> ceType(r).equals(POSTPONED)
                && r.key().equals(throttled.mailboxId().toString())).isEmpty();
        assertThat(ofType(records, "io.exsync.mailbox-test.completed.v1", throttled.mailboxId().toString()))
                .singleElement().satisfies(e -> assertThat(e.getInt("attempts")).isEqualTo(3));
    }
}
