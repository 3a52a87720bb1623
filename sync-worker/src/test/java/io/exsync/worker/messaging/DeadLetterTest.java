package io.exsync.worker.messaging;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.PoisonRecords;
import io.exsync.events.testing.TestTopics;
import io.exsync.events.testing.TestSchema;
import io.exsync.worker.ExchangeSimulatorResource;
import io.exsync.worker.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 9: records the profile- and mailbox-events consumers cannot process go to the DLQ; the event behind them is processed. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class DeadLetterTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonRecordsOnProfileEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        Fixtures.awaitConsumersReady();
        UUID environment = Fixtures.environment("tenant-" + UUID.randomUUID());
        UUID profile = UUID.randomUUID();
        try (PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.PROFILE.deadLetterName(TestTopics.PREFIX)))) {
            List<String> poison = PoisonRecords.publish(Topic.PROFILE.name(TestTopics.PREFIX), profile.toString());
            Fixtures.profileCreated(environment, profile, "Behind the poison", UUID.randomUUID());

            await().atMost(Duration.ofSeconds(30)).until(() -> profileKnown(profile));
            assertThat(PoisonRecords.deadLettered(deadLetters, profile.toString(), 3)).containsExactlyElementsOf(poison);
        }
    }

    @Test
    void poisonRecordsOnMailboxEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        Fixtures.awaitConsumersReady();
        UUID environment = Fixtures.environment("tenant-" + UUID.randomUUID());
        UUID job = UUID.randomUUID();
        TestAndEnableRequested request = Fixtures.request(environment, job, 1, UUID.randomUUID(),
                "dlq-" + UUID.randomUUID() + "@contoso.com");
        String key = request.mailboxId().toString();
        try (PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.MAILBOX.deadLetterName(TestTopics.PREFIX)))) {
            List<String> poison = PoisonRecords.publish(Topic.MAILBOX.name(TestTopics.PREFIX), key);
            Fixtures.publish(request);

            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from job where id = ?", job) == 1);
            assertThat(PoisonRecords.deadLettered(deadLetters, key, 3)).containsExactlyElementsOf(poison);
        }
    }

    private boolean profileKnown(UUID profile) throws Exception {
        return count("select count(*) from profile_info where profile_id = ?", profile) == 1;
    }

    private long count(String sql, UUID id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
