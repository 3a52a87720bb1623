package io.exsync.mailbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EventJson;
import io.exsync.events.ProfileEvent.ProfileDeactivated;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.mailbox.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MailboxResourceTest {

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
    void listsWithFiltersAndPaging() {
        Fixtures.Env env = Fixtures.environment(events);
        String marker = "filter" + UUID.randomUUID().toString().substring(0, 8);
        String a = Fixtures.createUser(env, marker + " Alpha");
        String b = Fixtures.createUser(env, marker + " Beta");
        as(env.adminToken()).body(Map.of("profileId", env.imapProfile().toString()))
                .patch(env.path("/mailboxes/" + b)).then().statusCode(200);
        as(env.adminToken()).queryParam("q", marker).get(env.path("/mailboxes")).then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(50));
        as(env.adminToken()).queryParam("q", marker).queryParam("profileId", env.imapProfile().toString())
                .get(env.path("/mailboxes")).then().body("total", equalTo(1)).body("items[0].id", equalTo(b));
        as(env.adminToken()).queryParam("q", marker).queryParam("approval", "PENDING_APPROVAL")
                .queryParam("incomingStatus", "NOT_RUN").queryParam("enabled", false).queryParam("state", "ACTIVE")
                .get(env.path("/mailboxes")).then().body("total", equalTo(2));
        as(env.adminToken()).queryParam("q", marker).queryParam("approval", "APPROVED").get(env.path("/mailboxes"))
                .then().body("total", equalTo(0));
        as(env.adminToken()).queryParam("q", marker).queryParam("size", 1).queryParam("page", 1)
                .get(env.path("/mailboxes")).then().body("items.size()", equalTo(1)).body("total", equalTo(2));
        as(env.adminToken()).queryParam("size", 501).get(env.path("/mailboxes")).then().statusCode(400);
        as(env.adminToken()).queryParam("approval", "MAYBE").get(env.path("/mailboxes")).then().statusCode(400)
                .body("violations[0].field", equalTo("approval"));
        assertThat(a).isNotNull();
    }

    @Test
    void aPatchEmitsMailboxConfiguredAndAnImapProfileHasNoAct() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        String mailbox = Fixtures.createUser(env, "Patched");
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.MAILBOX_TOPIC))) {
            as(env.adminToken()).body(Map.of("profileId", env.imapProfile().toString(),
                            "outgoingDeliveryMethod", "OUTLOOK", "syncItemsOnlyFromThisOrg", false,
                            "processEmailReceivedAfter", "2026-01-01T00:00:00Z"))
                    .patch(env.path("/mailboxes/" + mailbox)).then().statusCode(200)
                    .body("profileId", equalTo(env.imapProfile().toString()))
                    .body("actDeliveryMethod", equalTo("NONE"))
                    .body("outgoingDeliveryMethod", equalTo("OUTLOOK"))
                    .body("syncItemsOnlyFromThisOrg", equalTo(false));
            ConsumerRecord<String, String> event = topic.await(r -> mailbox.equals(r.key())
                    && PlainConsumer.header(r, "ce_type").equals("io.exsync.mailbox.configured.v1"), 1,
                    Duration.ofSeconds(15)).get(0);
            assertThat(PlainConsumer.header(event, "ce_subject")).isEqualTo(mailbox);
            JsonNode body = EventJson.parse(event.value());
            assertThat(body.get("changedFields").toString()).contains("profileId", "actDeliveryMethod",
                    "outgoingDeliveryMethod", "syncItemsOnlyFromThisOrg", "processEmailReceivedAfter");
        }
        as(env.adminToken()).body(Map.of("actDeliveryMethod", "SERVER_SIDE_SYNC"))
                .patch(env.path("/mailboxes/" + mailbox)).then().statusCode(400)
                .body("violations[0].field", equalTo("actDeliveryMethod"));
        as(env.adminToken()).body(Map.of("profileId", UUID.randomUUID().toString()))
                .patch(env.path("/mailboxes/" + mailbox)).then().statusCode(400)
                .body("violations[0].field", equalTo("profileId"));
    }

    @Test
    void aMailboxOfAnInactiveProfileCannotBeTestedOrGiveItsProfile() {
        Fixtures.Env env = Fixtures.environment(events);
        String mailbox = Fixtures.createUser(env, "Inactive");
        as(env.adminToken()).body(Map.of("profileId", env.imapProfile().toString()))
                .patch(env.path("/mailboxes/" + mailbox)).then().statusCode(200);
        events.publish(new ProfileDeactivated(env.id(), env.imapProfile()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(env.adminToken()).post(env.path("/mailboxes/" + mailbox + "/test-and-enable")).then()
                        .statusCode(409).body("code", equalTo("ProfileInactive")));
        String other = Fixtures.createUser(env, "Other");
        as(env.adminToken()).body(Map.of("profileId", env.imapProfile().toString()))
                .patch(env.path("/mailboxes/" + other)).then().statusCode(409).body("code", equalTo("ProfileInactive"));
    }

    @Test
    void writesNeedMailboxWriteOrganizationOrUserDepthForTheOwnMailbox() {
        Fixtures.Env env = Fixtures.environment(events);
        UUID userId = UUID.randomUUID();
        String email = "self-" + userId + "@contoso.com";
        String own = as(env.adminToken()).body(Map.of("id", userId.toString(), "fullName", "Self", "email", email,
                "userPrincipalName", email)).post(env.path("/users")).then().statusCode(201).extract().path("mailboxId");
        String someoneElses = Fixtures.createUser(env, "Someone else");
        String userToken = Fixtures.token(userId, env.tenant(), "");
        Map<String, Object> change = Map.of("incomingDeliveryMethod", "NONE");

        as(userToken).body(change).patch(env.path("/mailboxes/" + own)).then().statusCode(403);
        Fixtures.grant(events, env, userId, "Basic User");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(userToken).body(change).patch(env.path("/mailboxes/" + own)).then().statusCode(200));
        as(userToken).body(change).patch(env.path("/mailboxes/" + someoneElses)).then().statusCode(403)
                .body("detail", containsString("ORGANIZATION"));
        as(userToken).get(env.path("/mailboxes/" + someoneElses)).then().statusCode(200);
        as(userToken).post(env.path("/mailboxes/" + own + "/test-and-enable")).then().statusCode(202);
        as(userToken).body(Map.of("ids", List.of(someoneElses))).post(env.path("/mailboxes/test-and-enable"))
                .then().statusCode(403);
        as(Fixtures.token(UUID.randomUUID(), "elsewhere", "GlobalAdministrator")).get(env.path("/mailboxes/" + own))
                .then().statusCode(404);
        as(Fixtures.token(UUID.randomUUID(), env.tenant(), "")).get(env.path("/mailboxes")).then().statusCode(403);
        as(Fixtures.token(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator")).get(env.path("/mailboxes"))
                .then().statusCode(200);
    }

    @Test
    void mailboxCredentialsAreWriteOnlyAndReadableOnlyByServices() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        String mailbox = Fixtures.createUser(env, "Credentials");
        String password = "mbx-pw-" + UUID.randomUUID();
        as(env.adminToken()).body(Map.of("username", "ada@contoso.com", "password", password))
                .put(env.path("/mailboxes/" + mailbox + "/credentials")).then().statusCode(204);
        as(env.adminToken()).get(env.path("/mailboxes/" + mailbox)).then().statusCode(200)
                .body("credentialsSet", equalTo(true)).body(not(containsString(password)));
        as(Fixtures.serviceToken()).get("/api/v1/internal/mailboxes/" + mailbox + "/credentials").then()
                .statusCode(200).body("username", equalTo("ada@contoso.com")).body("password", equalTo(password));
        as(env.adminToken()).get("/api/v1/internal/mailboxes/" + mailbox + "/credentials").then().statusCode(403)
                .body(not(containsString(password)));
        as(Fixtures.serviceToken()).get("/api/v1/internal/mailboxes/" + Fixtures.createUser(env, "No creds")
                + "/credentials").then().statusCode(404).body("code", equalTo("MailboxHasNoCredentials"));
        as(env.adminToken()).body(Map.of("username", "u")).put(env.path("/mailboxes/" + mailbox + "/credentials"))
                .then().statusCode(400).body("violations.field", hasItem("password"));
        assertThat(Files.readString(Path.of("target/quarkus-test.log"))).doesNotContain(password);
        as(env.adminToken()).queryParam("q", "Credentials").get(env.path("/mailboxes")).then()
                .body("items.credentialsSet", everyItem(equalTo(true)));
    }
}
