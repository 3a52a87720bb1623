package io.exsync.approval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EventJson;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.Regarding;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.approval.rest.Fixtures.as;
import static io.exsync.events.testing.PlainConsumer.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class MailboxApprovalResourceTest {

    @Test
    void aMailboxBornPendingIsAnnouncedOnceAndListedAsPending() throws Exception {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        UUID queue = UUID.randomUUID();
        MailboxCreated pending = new MailboxCreated(env.id(), UUID.randomUUID(), new Regarding("QUEUE", queue,
                "Support"), "support@contoso.com", env.adminId(), env.onPremisesProfile(), "SERVER_SIDE_SYNC",
                "SERVER_SIDE_SYNC", "NONE", "PENDING_APPROVAL");
        MailboxCreated notRequired = new MailboxCreated(env.id(), UUID.randomUUID(), new Regarding("USER",
                UUID.randomUUID(), "Ada"), "ada@contoso.com", env.adminId(), env.onPremisesProfile(),
                "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "EMPTY");
        UUID ceId = UUID.randomUUID();
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            Fixtures.publishWithId(pending, ceId);
            Fixtures.publishWithId(pending, ceId);
            Fixtures.publish(notRequired);
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().equals(pending.mailboxId().toString())
                    || r.key().equals(notRequired.mailboxId().toString()), 2, Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(header(event, "ce_type")).isEqualTo("io.exsync.approval.requested.v1");
            assertThat(header(event, "ce_subject")).isEqualTo(pending.mailboxId().toString());
            JsonNode body = EventJson.parse(event.value());
            assertThat(body.get("environmentId").asText()).isEqualTo(env.id().toString());
            assertThat(body.get("emailAddress").asText()).isEqualTo("support@contoso.com");
            assertThat(body.get("regarding").get("type").asText()).isEqualTo("QUEUE");
            assertThat(body.get("regarding").get("id").asText()).isEqualTo(queue.toString());
        }
        Fixtures.awaitMailboxes(List.of(pending.mailboxId(), notRequired.mailboxId()));
        as(env.adminToken()).get(env.path("/approvals?status=PENDING_APPROVAL")).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].mailboxId", equalTo(pending.mailboxId().toString()))
                .body("items[0].emailAddress", equalTo("support@contoso.com"))
                .body("items[0].regarding.type", equalTo("QUEUE"))
                .body("items[0].regarding.name", equalTo("Support"))
                .body("items[0].status", equalTo("PENDING_APPROVAL"))
                .body("items[0].requestedOn", notNullValue());
        as(env.adminToken()).get(env.path("/approvals?status=SOMETIMES")).then().statusCode(400);
    }

    @Test
    void approvingPublishesMailboxApprovedOnceAndRecordsTheHistory() throws Exception {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        UUID mailbox = Fixtures.mailbox(env, "EXCHANGE_SERVER");
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(env.adminToken()).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("decision", equalTo("APPROVED"))
                    .body("path", equalTo("ROLE")).body("rule", equalTo("R2"))
                    .body("actorId", equalTo(env.adminId().toString()));
            as(env.adminToken()).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(409)
                    .body("code", equalTo("AlreadyApproved"));
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().equals(mailbox.toString()), 2,
                    Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(header(event, "ce_type")).isEqualTo("io.exsync.approval.approved.v1");
            assertThat(header(event, "ce_subject")).isEqualTo(mailbox.toString());
            assertThat(header(event, "ce_source")).isEqualTo("/approval-service");
            JsonNode body = EventJson.parse(event.value());
            assertThat(body.get("mailboxId").asText()).isEqualTo(mailbox.toString());
            assertThat(body.get("environmentId").asText()).isEqualTo(env.id().toString());
            assertThat(body.get("path").asText()).isEqualTo("ROLE");
            assertThat(body.get("rule").asText()).isEqualTo("R2");
            assertThat(body.get("actorId").asText()).isEqualTo(env.adminId().toString());
            assertThat(body.get("emailAddress").asText()).endsWith("@contoso.com");
        }
        as(env.adminToken()).get(env.path("/mailboxes/" + mailbox + "/approval-history")).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].decision", equalTo("APPROVED")).body("items[0].path", equalTo("ROLE"))
                .body("items[0].rule", equalTo("R2")).body("items[0].actorId", equalTo(env.adminId().toString()))
                .body("items[0].at", notNullValue());
        as(env.adminToken()).get(env.path("/approvals?status=PENDING_APPROVAL")).then()
                .body("items.mailboxId", not(hasItem(mailbox.toString())));
        as(env.adminToken()).get(env.path("/approvals?status=APPROVED")).then()
                .body("items.mailboxId", hasItem(mailbox.toString()));
    }

    @Test
    void rejectingIsRecordedAndARejectedAddressCanStillBeApproved() throws Exception {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        UUID mailbox = Fixtures.mailbox(env, "EXCHANGE_ONLINE");
        String systemAdministratorAlone = Fixtures.token(env.adminId(), env.tenant());
        as(systemAdministratorAlone).post(env.path("/mailboxes/" + mailbox + "/reject")).then().statusCode(403)
                .body("detail", startsWith("R1:"));
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(env.adminToken()).post(env.path("/mailboxes/" + mailbox + "/reject")).then().statusCode(200)
                    .body("status", equalTo("REJECTED")).body("decision", equalTo("REJECTED"))
                    .body("rule", equalTo("R1"));
            as(env.adminToken()).post(env.path("/mailboxes/" + mailbox + "/reject")).then().statusCode(409)
                    .body("code", equalTo("AlreadyRejected"));
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().equals(mailbox.toString()), 1,
                    Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(header(events.get(0), "ce_type")).isEqualTo("io.exsync.approval.rejected.v1");
            JsonNode body = EventJson.parse(events.get(0).value());
            assertThat(body.get("path").asText()).isEqualTo("ROLE");
            assertThat(body.get("rule").asText()).isEqualTo("R1");
        }
        as(env.adminToken()).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(200);
        as(env.adminToken()).get(env.path("/mailboxes/" + mailbox + "/approval-history")).then()
                .body("items.decision", org.hamcrest.Matchers.contains("REJECTED", "APPROVED"));
    }

    @Test
    void theProgrammaticPathTakesExactlyOneAttributeAndRefusesPluginsAndWorkflows() throws Exception {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        UUID mailbox = Fixtures.mailbox(env, "EXCHANGE_ONLINE");
        String path = env.path("/mailboxes/" + mailbox + "/approval");
        as(env.adminToken()).body(Map.of("emailRouterAccessApproval", "APPROVED", "emailAddress", "x@contoso.com"))
                .patch(path).then().statusCode(400).body("code", equalTo("ValidationFailed"))
                .body("violations[0].field", equalTo("emailAddress"));
        as(env.adminToken()).body(Map.of("emailRouterAccessApproval", "REJECTED")).patch(path).then()
                .statusCode(400).body("violations[0].field", equalTo("emailRouterAccessApproval"));
        as(env.adminToken()).body(Map.of("incomingEmailStatus", "SUCCESS")).patch(path).then().statusCode(400);

        for (String context : List.of("plugin", "workflow")) {
            as(Fixtures.automationToken(env.adminId(), env.tenant(), context, Fixtures.GLOBAL))
                    .body(Map.of("emailRouterAccessApproval", "APPROVED")).patch(path).then().statusCode(403)
                    .body("code", equalTo("ProgrammaticApprovalNotAllowed"));
        }
        // Like any approver: System Administrator alone is not enough for an Exchange Online mailbox online.
        as(Fixtures.automationToken(env.adminId(), env.tenant(), "app"))
                .body(Map.of("emailRouterAccessApproval", "APPROVED")).patch(path).then().statusCode(403)
                .body("detail", startsWith("R1:"));
        as(Fixtures.automationToken(UUID.randomUUID(), env.tenant(), "app", Fixtures.GLOBAL))
                .body(Map.of("emailRouterAccessApproval", "APPROVED")).patch(path).then().statusCode(403);

        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(Fixtures.automationToken(env.adminId(), env.tenant(), "app", Fixtures.GLOBAL))
                    .body(Map.of("emailRouterAccessApproval", "APPROVED")).patch(path).then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("path", equalTo("PROGRAMMATIC"))
                    .body("rule", equalTo("R1"));
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().equals(mailbox.toString()), 1,
                    Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(EventJson.parse(events.get(0).value()).get("path").asText()).isEqualTo("PROGRAMMATIC");
        }
        as(env.adminToken()).body(Map.of("emailRouterAccessApproval", "APPROVED")).patch(path).then().statusCode(409)
                .body("code", equalTo("AlreadyApproved"));
        as(env.adminToken()).get(env.path("/mailboxes/" + mailbox + "/approval-history")).then()
                .body("items[0].path", equalTo("PROGRAMMATIC"));
    }

    @Test
    void unknownMailboxesAndMailboxesOfOtherEnvironmentsAreNotFound() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        Fixtures.Env other = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        UUID foreign = Fixtures.mailbox(other, "EXCHANGE_SERVER");
        for (UUID id : new UUID[]{UUID.randomUUID(), foreign}) {
            as(env.adminToken()).post(env.path("/mailboxes/" + id + "/approve")).then().statusCode(404)
                    .body("code", equalTo("NotFound"));
            as(env.adminToken()).get(env.path("/mailboxes/" + id + "/approval-history")).then().statusCode(404);
        }
        as(env.adminToken()).post("/api/v1/environments/" + UUID.randomUUID() + "/mailboxes/" + foreign + "/approve")
                .then().statusCode(404);
    }

    @Test
    void aProfileChangeMovesTheMailboxBetweenRules() {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        UUID mailbox = Fixtures.mailbox(env, "EXCHANGE_SERVER");
        // ProfileUpdated turns the on-premises profile into an Exchange Online one: R1 now decides.
        Fixtures.publish(new io.exsync.events.ProfileEvent.ProfileUpdated(env.id(), env.onPremisesProfile(), "p",
                "EXCHANGE_ONLINE_HYBRID", "SERVER_TO_SERVER", "GRAPH", "PUBLIC", "ACTIVE", UUID.randomUUID(), 10,
                List.of("serverType"), false));
        String systemAdministratorAlone = Fixtures.token(env.adminId(), env.tenant());
        await().atMost(Fixtures.WAIT).untilAsserted(() ->
                as(systemAdministratorAlone).post(env.path("/mailboxes/" + mailbox + "/approve")).then()
                        .statusCode(403).body("detail", startsWith("R1:")));
    }
}
