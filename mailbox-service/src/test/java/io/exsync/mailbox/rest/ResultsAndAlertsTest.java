package io.exsync.mailbox.rest;

import io.exsync.events.AlertEvent.AlertRaised;
import io.exsync.events.ApprovalEvent.MailboxApprovalRejected;
import io.exsync.events.ApprovalEvent.MailboxApproved;
import io.exsync.events.MailboxTestEvent.MailboxTestCompleted;
import io.exsync.events.MailboxTestEvent.MailboxTestPostponed;
import io.exsync.events.Regarding;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ResultsAndAlertsTest {

    static TestEvents events;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aResultSetsTheStatusColumnsOnceAndAnOlderResultNeverOverwritesANewerOne() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        UUID mailbox = UUID.fromString(Fixtures.createUser(env, "Results"));
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.MAILBOX_TOPIC))) {
            UUID transientFailure = events.publish(result(env, mailbox, t0, "FAILED", "FAILURE", "ServerUnavailable", true));
            events.publish(result(env, mailbox, t0, "FAILED", "FAILURE", "ServerUnavailable", true), transientFailure);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then()
                            .body("incomingEmailStatus", equalTo("FAILURE"))
                            .body("mailboxStatus", equalTo("FAILURE"))
                            .body("lastError.code", equalTo("ServerUnavailable"))
                            .body("lastError.transientError", equalTo(true))
                            .body("transientFailureCount", equalTo(1))
                            // a final result: the retries are over, nothing is postponed any more
                            .body("postponedUntil", nullValue()));
            ConsumerRecord<String, String> changed = topic.await(r -> mailbox.toString().equals(r.key())
                    && PlainConsumer.header(r, "ce_type").equals("io.exsync.mailbox.status-changed.v1"), 1,
                    Duration.ofSeconds(15)).get(0);
            assertThat(changed.value()).contains("\"mailboxStatus\":\"FAILURE\"");
        }

        // The newer success wins; the redelivered failure above counted once, and a late older result is ignored.
        events.publish(result(env, mailbox, t0.plusSeconds(10), "SUCCEEDED", "SUCCESS", null, false));
        events.publish(result(env, mailbox, t0.plusSeconds(5), "FAILED", "FAILURE", "CredentialsRejected", false));
        UUID marker = UUID.fromString(Fixtures.createUser(env, "Marker"));
        events.publish(result(env, marker, t0, "SUCCEEDED", "SUCCESS", null, false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).get(env.path("/mailboxes/" + marker)).then().body("mailboxStatus", equalTo("SUCCESS")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then()
                        .body("mailboxStatus", equalTo("SUCCESS"))
                        .body("enabledForIncomingEmail", equalTo(true))
                        .body("lastError", nullValue())
                        .body("transientFailureCount", equalTo(0))
                        .body("lastTestCompletedOn", instant(t0.plusSeconds(10))));
    }

    @Test
    void transientFailuresAreCountedOncePerResult() {
        Fixtures.Env env = Fixtures.environment(events);
        UUID mailbox = UUID.fromString(Fixtures.createUser(env, "Transient"));
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        for (int i = 0; i < 3; i++) {
            UUID id = events.publish(result(env, mailbox, t0.plusSeconds(i), "FAILED", "FAILURE", "ServerUnavailable", true));
            events.publish(result(env, mailbox, t0.plusSeconds(i), "FAILED", "FAILURE", "ServerUnavailable", true), id);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then()
                        .body("transientFailureCount", equalTo(3)));
    }

    @Test
    void aPostponedTestShowsItsFailureCountAndRetryTimeUntilANewerFinalResult() {
        Fixtures.Env env = Fixtures.environment(events);
        UUID mailbox = UUID.fromString(Fixtures.createUser(env, "Postponed"));
        UUID job = UUID.randomUUID();
        OffsetDateTime retryAt = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).plusMinutes(5);
        UUID first = events.publish(new MailboxTestPostponed(env.id(), job, mailbox, 1, retryAt.minusMinutes(5),
                "ServerUnavailable", 1));
        events.publish(new MailboxTestPostponed(env.id(), job, mailbox, 2, retryAt, "ServerUnavailable", 2));
        // a redelivery of the first postponement changes nothing
        events.publish(new MailboxTestPostponed(env.id(), job, mailbox, 1, retryAt.minusMinutes(5),
                "ServerUnavailable", 1), first);
        UUID marker = UUID.fromString(Fixtures.createUser(env, "Marker"));
        events.publish(new MailboxTestPostponed(env.id(), job, marker, 1, retryAt, "ServerUnavailable", 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).get(env.path("/mailboxes/" + marker)).then().body("transientFailureCount", equalTo(1)));
        as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then()
                .body("transientFailureCount", equalTo(2))
                .body("postponedUntil", instant(retryAt))
                .body("mailboxStatus", equalTo("NOT_RUN"));

        // the final success resets both; a postponement older than it (a late delivery) is ignored
        OffsetDateTime completed = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).plusMinutes(1);
        events.publish(result(env, mailbox, completed, "SUCCEEDED", "SUCCESS", null, false));
        events.publish(new MailboxTestPostponed(env.id(), job, mailbox, 3, retryAt.plusMinutes(5),
                "ServerUnavailable", 3));
        UUID lastMarker = UUID.fromString(Fixtures.createUser(env, "Last marker"));
        events.publish(result(env, lastMarker, completed, "SUCCEEDED", "SUCCESS", null, false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).get(env.path("/mailboxes/" + lastMarker)).then().body("mailboxStatus", equalTo("SUCCESS")));
        as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then()
                .body("mailboxStatus", equalTo("SUCCESS"))
                .body("transientFailureCount", equalTo(0))
                .body("postponedUntil", nullValue());
    }

    @Test
    void approvalDecisionsSetTheApprovalColumn() {
        Fixtures.Env env = Fixtures.environment(events);
        UUID approved = UUID.fromString(Fixtures.createUser(env, "Approved"));
        UUID rejected = UUID.fromString(Fixtures.createUser(env, "Rejected"));
        events.publish(new MailboxApproved(env.id(), approved, "a@contoso.com", "ROLE", "R1", env.adminId()));
        events.publish(new MailboxApprovalRejected(env.id(), rejected, "r@contoso.com", "ROLE", "R1", env.adminId()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            as(env.adminToken()).get(env.path("/mailboxes/" + approved)).then()
                    .body("emailAddressApproval", equalTo("APPROVED"));
            as(env.adminToken()).get(env.path("/mailboxes/" + rejected)).then()
                    .body("emailAddressApproval", equalTo("REJECTED"));
        });
        as(env.adminToken()).queryParam("approval", "APPROVED").get(env.path("/mailboxes")).then()
                .body("total", equalTo(1));
    }

    @Test
    void alertsRepeatIntoOneRowAndAppearOnTheWallsOfTheirRecipients() {
        Fixtures.Env env = Fixtures.environment(events);
        UUID mailbox = UUID.fromString(Fixtures.createUser(env, "Alerted"));
        UUID owner = UUID.randomUUID();
        UUID profileOwner = UUID.randomUUID();
        AlertRaised error = new AlertRaised(env.id(), UUID.randomUUID(), "ERROR", "CredentialsRejected", "INCOMING",
                "Email can't be received.", new Regarding("MAILBOX", mailbox, null), List.of(owner, profileOwner), 1);
        UUID first = events.publish(error);
        events.publish(error, first);
        events.publish(new AlertRaised(env.id(), UUID.randomUUID(), "ERROR", "CredentialsRejected", "INCOMING",
                "Email can't be received (again).", new Regarding("MAILBOX", mailbox, null), List.of(owner, profileOwner), 1));
        events.publish(new AlertRaised(env.id(), UUID.randomUUID(), "INFORMATION", "MailboxTestSucceeded", null,
                "The mailbox was tested and enabled.", new Regarding("MAILBOX", mailbox, null), List.of(owner), 1));
        events.publish(new AlertRaised(env.id(), UUID.randomUUID(), "ERROR", "ProfileMailboxesFailing", null,
                "More than half failed.", new Regarding("PROFILE", env.defaultProfile(), "Microsoft Exchange Online"),
                List.of(profileOwner), 1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).get(env.path("/mailboxes/" + mailbox + "/alerts")).then()
                        .body("total", equalTo(2))
                        .body("items.find { it.code == 'CredentialsRejected' }.count", equalTo(2))
                        .body("items.find { it.code == 'CredentialsRejected' }.message",
                                equalTo("Email can't be received (again)."))
                        .body("items.find { it.code == 'CredentialsRejected' }.regarding.type", equalTo("MAILBOX")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(env.adminToken()).queryParam("recipientId", profileOwner.toString()).get(env.path("/alerts")).then()
                        .body("total", equalTo(2))
                        .body("items.find { it.code == 'ProfileMailboxesFailing' }.regarding.type", equalTo("PROFILE"))
                        .body("items.find { it.code == 'ProfileMailboxesFailing' }.regarding.id",
                                equalTo(env.defaultProfile().toString())));
        as(env.adminToken()).queryParam("recipientId", owner.toString()).queryParam("level", "INFORMATION")
                .get(env.path("/alerts")).then().body("total", equalTo(1))
                .body("items[0].code", equalTo("MailboxTestSucceeded"));
        as(env.adminToken()).queryParam("recipientId", owner.toString())
                .queryParam("since", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString())
                .get(env.path("/alerts")).then().body("total", equalTo(0));
        as(env.adminToken()).queryParam("level", "LOUD").get(env.path("/alerts")).then().statusCode(400);
        as(env.adminToken()).queryParam("since", "yesterday").get(env.path("/alerts")).then().statusCode(400);
    }

    /** Timestamps as instants: the JSON may use another offset or omit zero seconds. */
    private static org.hamcrest.Matcher<Object> instant(OffsetDateTime expected) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual != null && OffsetDateTime.parse(actual.toString()).toInstant().equals(expected.toInstant());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("the instant " + expected);
            }
        };
    }

    private static MailboxTestCompleted result(Fixtures.Env env, UUID mailbox, OffsetDateTime at, String outcome,
                                               String status, String code, boolean transientError) {
        boolean ok = "SUCCESS".equals(status);
        return new MailboxTestCompleted(env.id(), UUID.randomUUID(), mailbox, outcome, status, status, status, status,
                ok, ok, ok, code, code == null ? null : "remediation for " + code, transientError, 1, at);
    }
}
