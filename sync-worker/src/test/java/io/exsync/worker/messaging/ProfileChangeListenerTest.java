package io.exsync.worker.messaging;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.ProfileEvent.ProfileDeactivated;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.testing.TestSchema;
import io.exsync.events.testing.TestTopics;
import io.exsync.worker.ExchangeSimulatorResource;
import io.exsync.worker.Fixtures;
import io.exsync.worker.TestConnections;
import io.exsync.worker.service.ConnectionCache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A profile change drops the cached connection through this instance's own group (channel profile-changes), even when
 * the shared group's consumer never acts on the record: here its inbox already holds the event, as it would in the
 * instance that did not get the record.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class ProfileChangeListenerTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestConnections connections;

    @Inject
    ConnectionCache cache;

    @Test
    void everyInstanceDropsItsCachedConnectionOnProfileUpdatedAndDeactivated() throws Exception {
        Fixtures.awaitConsumersReady();
        UUID environment = Fixtures.environment("tenant-" + UUID.randomUUID());
        UUID profile = UUID.randomUUID();
        connections.put(Fixtures.graph(profile, 1111));
        assertThat(cache.connection(profile).timeoutMs()).isEqualTo(1111);
        connections.put(Fixtures.graph(profile, 2222));
        assertThat(cache.connection(profile).timeoutMs()).as("cached until told").isEqualTo(1111);

        // the listener's group starts at the end: publish until it is assigned and has seen one
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            UUID eventId = UUID.randomUUID();
            alreadyProcessedBySharedGroup(eventId);
            Fixtures.publish(new ProfileUpdated(environment, profile, "Renamed", "EXCHANGE_ONLINE",
                    "SERVER_TO_SERVER", "GRAPH", "PUBLIC", "ACTIVE", UUID.randomUUID(), 10,
                    List.of("timeoutMailboxConnectionAfterMs"), false), eventId);
            Thread.sleep(500);
            return cache.connection(profile).timeoutMs() == 2222;
        });

        connections.put(Fixtures.graph(profile, 3333));
        assertThat(cache.connection(profile).timeoutMs()).isEqualTo(2222);
        UUID deactivation = UUID.randomUUID();
        alreadyProcessedBySharedGroup(deactivation);
        Fixtures.publish(new ProfileDeactivated(environment, profile), deactivation);
        await().atMost(Duration.ofSeconds(20)).until(() -> cache.connection(profile).timeoutMs() == 3333);
    }

    private void alreadyProcessedBySharedGroup(UUID eventId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_message (consumer, event_id) values (?, ?)")) {
            insert.setString(1, ProfileEventsConsumer.CONSUMER);
            insert.setObject(2, eventId);
            insert.executeUpdate();
        }
    }
}
