package io.exsync.mailbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EventJson;
import io.exsync.events.ProfileEvent.ProfileCreated;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.mailbox.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RegistrationResourceTest {

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
    void aUserGetsOneMailboxWithTheCurrentDefaultsPendingApproval() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        UUID userId = UUID.randomUUID();
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.MAILBOX_TOPIC))) {
            String mailboxId = as(env.adminToken()).body(Map.of("id", userId.toString(), "fullName", "Ada Lovelace",
                            "email", "ada." + userId + "@contoso.com", "userPrincipalName", "ada." + userId + "@contoso.com"))
                    .post(env.path("/users")).then().statusCode(201)
                    .body("id", equalTo(userId.toString()))
                    .body("mailboxId", notNullValue())
                    .extract().path("mailboxId");
            as(env.adminToken()).get(env.path("/mailboxes/" + mailboxId)).then().statusCode(200)
                    .body("regarding.type", equalTo("USER"))
                    .body("regarding.id", equalTo(userId.toString()))
                    .body("regarding.name", equalTo("Ada Lovelace"))
                    .body("ownerId", equalTo(userId.toString()))
                    .body("profileId", equalTo(env.defaultProfile().toString()))
                    .body("incomingDeliveryMethod", equalTo("SERVER_SIDE_SYNC"))
                    .body("actDeliveryMethod", equalTo("SERVER_SIDE_SYNC"))
                    .body("emailAddressApproval", equalTo("PENDING_APPROVAL"))
                    .body("incomingEmailStatus", equalTo("NOT_RUN"))
                    .body("mailboxStatus", equalTo("NOT_RUN"))
                    .body("enabledForIncomingEmail", equalTo(false))
                    .body("state", equalTo("ACTIVE"));

            List<ConsumerRecord<String, String>> records = topic.await(
                    r -> r.key().equals(userId.toString()) || r.key().equals(mailboxId), 2, Duration.ofSeconds(15));
            assertThat(records).extracting(r -> PlainConsumer.header(r, "ce_type"))
                    .containsExactlyInAnyOrder("io.exsync.user.registered.v1", "io.exsync.mailbox.created.v1");
            ConsumerRecord<String, String> created = records.stream()
                    .filter(r -> PlainConsumer.header(r, "ce_type").equals("io.exsync.mailbox.created.v1")).findFirst()
                    .orElseThrow();
            assertThat(PlainConsumer.header(created, "ce_subject")).isEqualTo(mailboxId);
            JsonNode body = EventJson.parse(created.value());
            assertThat(body.get("emailAddressApproval").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(body.get("regarding").get("type").asText()).isEqualTo("USER");
            assertThat(body.get("profileId").asText()).isEqualTo(env.defaultProfile().toString());
        }
    }

    @Test
    void aQueueIsOwnedByTheCallerByDefaultAndNeedsNoApprovalWhenQueuesAreNotRestricted() {
        Fixtures.Env env = Fixtures.environment(events, true, false);
        String mailboxId = as(env.adminToken()).body(Map.of("name", "Support", "email",
                        "support-" + UUID.randomUUID() + "@contoso.com"))
                .post(env.path("/queues")).then().statusCode(201)
                .body("ownerId", equalTo(env.adminId().toString()))
                .extract().path("mailboxId");
        as(env.adminToken()).get(env.path("/mailboxes/" + mailboxId)).then()
                .body("regarding.type", equalTo("QUEUE"))
                .body("regarding.name", equalTo("Support"))
                .body("ownerId", equalTo(env.adminId().toString()))
                .body("emailAddressApproval", equalTo("EMPTY"));
        UUID owner = UUID.randomUUID();
        String other = as(env.adminToken()).body(Map.of("name", "Sales", "email",
                        "sales-" + UUID.randomUUID() + "@contoso.com", "ownerId", owner.toString()))
                .post(env.path("/queues")).then().statusCode(201).extract().path("mailboxId");
        as(env.adminToken()).get(env.path("/mailboxes/" + other)).then().body("ownerId", equalTo(owner.toString()));
    }

    @Test
    void twoActiveMailboxesNeverShareAnAddress() {
        Fixtures.Env env = Fixtures.environment(events);
        String email = "shared-" + UUID.randomUUID() + "@contoso.com";
        as(env.adminToken()).body(Map.of("fullName", "First", "email", email, "userPrincipalName", email))
                .post(env.path("/users")).then().statusCode(201);
        as(env.adminToken()).body(Map.of("fullName", "Second", "email", email.toUpperCase(), "userPrincipalName", email))
                .post(env.path("/users")).then().statusCode(409).body("code", equalTo("EmailAddressInUse"));
        as(env.adminToken()).body(Map.of("name", "Queue", "email", email)).post(env.path("/queues")).then()
                .statusCode(409);
    }

    @Test
    void aUserCreatedRightAfterTheDefaultProfileChangedGetsTheNewDefault() {
        Fixtures.Env env = Fixtures.environment(events);
        UUID newDefault = UUID.randomUUID();
        events.publish(new ProfileCreated(env.id(), newDefault, "New default", "EXCHANGE_ONLINE", "SERVER_TO_SERVER",
                "GRAPH", "PUBLIC", "ACTIVE", false, env.adminId(), 10, false));
        events.publish(Fixtures.settings(env.id(), newDefault, false, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.defaultIs(env, newDefault, false));
    }

    @Test
    void registeringNeedsMailboxWriteAtOrganizationDepthAndTheTenant() {
        Fixtures.Env env = Fixtures.environment(events);
        Map<String, Object> body = Map.of("fullName", "X", "email", "x-" + UUID.randomUUID() + "@contoso.com",
                "userPrincipalName", "x@contoso.com");
        as(Fixtures.token(UUID.randomUUID(), env.tenant(), "GlobalAdministrator")).body(body).post(env.path("/users"))
                .then().statusCode(403).body("detail", equalTo("The privilege MailboxWrite at ORGANIZATION depth is required."));
        as(Fixtures.token(UUID.randomUUID(), "another-tenant", "GlobalAdministrator")).body(body)
                .post(env.path("/users")).then().statusCode(404);
        as(Fixtures.token(env.adminId(), env.tenant(), "")).body(body).post("/api/v1/environments/"
                + UUID.randomUUID() + "/users").then().statusCode(404);
        as(Fixtures.serviceToken()).body(body).post(env.path("/users")).then().statusCode(201);
    }
}
