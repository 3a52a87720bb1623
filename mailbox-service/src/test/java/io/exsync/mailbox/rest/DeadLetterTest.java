package io.exsync.mailbox.rest;

import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.PoisonRecords;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: records the profile-events consumer cannot process go to the DLQ and the event behind them is still
 * processed. Here, not in messaging, to use this package's fixtures.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class DeadLetterTest {

    @Test
    void poisonRecordsOnProfileEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        try (TestEvents events = new TestEvents();
             PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.PROFILE.deadLetterName(TestTopics.PREFIX)))) {
            Fixtures.Env env = Fixtures.environment(events);
            UUID profile = UUID.randomUUID();
            List<String> poison = PoisonRecords.publish(Topic.PROFILE.name(TestTopics.PREFIX), profile.toString());
            events.publish(new ProfileCreated(env.id(), profile, "Behind the poison", "EXCHANGE_SERVER",
                    "CREDENTIALS_IN_PROFILE", "EWS", "PUBLIC", "ACTIVE", false, env.adminId(), 10));

            Fixtures.awaitProfile(env, profile);
            assertThat(PoisonRecords.deadLettered(deadLetters, profile.toString(), 3)).containsExactlyElementsOf(poison);
        }
    }
}
