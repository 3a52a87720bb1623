package io.exsync.approval.rest;

import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.PoisonRecords;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: on each consumer channel (profile-events, mailbox-events), records that cannot be processed go to the
 * DLQ and the event behind them is still processed. Here, not in messaging, to use this package's fixtures.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class DeadLetterTest {

    @Test
    void poisonRecordsOnProfileEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        UUID environmentId = UUID.randomUUID();
        try (PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.PROFILE.deadLetterName(TestTopics.PREFIX)))) {
            List<String> poison = PoisonRecords.publish(Topic.PROFILE.name(TestTopics.PREFIX), environmentId.toString());
            Fixtures.publish(new EnvironmentRegistered(environmentId, Fixtures.tenant(), "Contoso", "ONLINE",
                    "9.2.22104.00170", null, UUID.randomUUID()));

            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(
                    "select count(*) from role_assignment where environment_id = ?", environmentId) == 1);
            assertThat(PoisonRecords.deadLettered(deadLetters, environmentId.toString(), 3)).containsExactlyElementsOf(poison);
        }
    }

    @Test
    void poisonRecordsOnMailboxEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        MailboxCreated created = Fixtures.pendingMailbox(env, env.profile("EXCHANGE_ONLINE"),
                "dlq-" + UUID.randomUUID() + "@contoso.com", "USER", UUID.randomUUID());
        String key = created.mailboxId().toString();
        try (PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.MAILBOX.deadLetterName(TestTopics.PREFIX)))) {
            List<String> poison = PoisonRecords.publish(Topic.MAILBOX.name(TestTopics.PREFIX), key);
            Fixtures.publish(created);

            Fixtures.awaitMailboxes(List.of(created.mailboxId()));
            assertThat(PoisonRecords.deadLettered(deadLetters, key, 3)).containsExactlyElementsOf(poison);
        }
    }
}
