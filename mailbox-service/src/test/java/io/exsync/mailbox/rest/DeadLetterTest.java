package io.exsync.mailbox.rest;

import io.exsync.events.AlertEvent.AlertRaised;
import io.exsync.events.ApprovalEvent.MailboxApproved;
import io.exsync.events.MailboxTestEvent.MailboxTestCompleted;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.Regarding;
import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.PoisonRecords;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.exsync.mailbox.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 9: records the profile-, approval-, sync- and alert-events consumers cannot process go to the DLQ and the event behind them is still
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
                    "CREDENTIALS_IN_PROFILE", "EWS", "PUBLIC", "ACTIVE", false, env.adminId(), 10, false));

            Fixtures.awaitProfile(env, profile);
            assertThat(PoisonRecords.deadLettered(deadLetters, profile.toString(), 3)).containsExactlyElementsOf(poison);
        }
    }

    @Test
    void poisonRecordsOnApprovalEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        try (TestEvents events = new TestEvents();
             PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.APPROVAL.deadLetterName(TestTopics.PREFIX)))) {
            Fixtures.Env env = Fixtures.environment(events);
            String mailbox = Fixtures.createUser(env, "Approved behind poison");
            List<String> poison = PoisonRecords.publish(Topic.APPROVAL.name(TestTopics.PREFIX), mailbox);
            events.publish(new MailboxApproved(env.id(), UUID.fromString(mailbox), "a@contoso.com", "ROLE", "R1",
                    env.adminId()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(env.adminToken())
                    .get(env.path("/mailboxes/" + mailbox)).then().body("emailAddressApproval", equalTo("APPROVED")));
            assertThat(PoisonRecords.deadLettered(deadLetters, mailbox, 3)).containsExactlyElementsOf(poison);
        }
    }

    @Test
    void poisonRecordsOnAlertEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        try (TestEvents events = new TestEvents();
             PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.ALERT.deadLetterName(TestTopics.PREFIX)))) {
            Fixtures.Env env = Fixtures.environment(events);
            String mailbox = Fixtures.createUser(env, "Alerted behind poison");
            List<String> poison = PoisonRecords.publish(Topic.ALERT.name(TestTopics.PREFIX), mailbox);
            events.publish(new AlertRaised(env.id(), UUID.randomUUID(), "ERROR", "CredentialsRejected", "INCOMING",
                    "Email can't be received.", new Regarding("MAILBOX", UUID.fromString(mailbox), null),
                    List.of(env.adminId()), 1));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(env.adminToken())
                    .get(env.path("/mailboxes/" + mailbox + "/alerts")).then().body("total", equalTo(1)));
            assertThat(PoisonRecords.deadLettered(deadLetters, mailbox, 3)).containsExactlyElementsOf(poison);
        }
    }

    @Test
    void poisonRecordsOnSyncEventsGoToTheDeadLetterTopicAndTheNextResultIsProcessed() {
        try (TestEvents events = new TestEvents();
             PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.SYNC.deadLetterName(TestTopics.PREFIX)))) {
            Fixtures.Env env = Fixtures.environment(events);
            String mailbox = Fixtures.createUser(env, "Tested behind poison");
            List<String> poison = PoisonRecords.publish(Topic.SYNC.name(TestTopics.PREFIX), mailbox);
            events.publish(new MailboxTestCompleted(env.id(), UUID.randomUUID(), UUID.fromString(mailbox), "SUCCEEDED",
                    "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", true, true, true, null, null, false, 1,
                    OffsetDateTime.now(ZoneOffset.UTC)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(env.adminToken())
                    .get(env.path("/mailboxes/" + mailbox)).then().body("mailboxStatus", equalTo("SUCCESS")));
            assertThat(PoisonRecords.deadLettered(deadLetters, mailbox, 3)).containsExactlyElementsOf(poison);
        }
    }
}
