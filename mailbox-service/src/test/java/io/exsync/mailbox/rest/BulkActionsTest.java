package io.exsync.mailbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.exsync.events.EventJson;
import io.exsync.events.ProfileEvent.ProfileTestRequested;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.exsync.mailbox.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BulkActionsTest {

    static TestEvents events;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void bulkEditIsAllOrNothing() {
        Fixtures.Env env = Fixtures.environment(events);
        String a = Fixtures.createUser(env, "Bulk A");
        String b = Fixtures.createUser(env, "Bulk B");
        Map<String, Object> changes = Map.of("profileId", env.imapProfile().toString(), "outgoingDeliveryMethod", "NONE");
        as(env.adminToken()).body(Map.of("ids", List.of(a, b, UUID.randomUUID().toString()), "changes", changes))
                .post(env.path("/mailboxes/bulk-edit")).then().statusCode(400).body("violations[0].field", equalTo("ids"));
        as(env.adminToken()).get(env.path("/mailboxes/" + a)).then()
                .body("profileId", equalTo(env.defaultProfile().toString()));

        as(env.adminToken()).body(Map.of("ids", List.of(a, b), "changes", changes))
                .post(env.path("/mailboxes/bulk-edit")).then().statusCode(200).body("updated", equalTo(2));
        for (String id : List.of(a, b)) {
            as(env.adminToken()).get(env.path("/mailboxes/" + id)).then()
                    .body("profileId", equalTo(env.imapProfile().toString()))
                    .body("outgoingDeliveryMethod", equalTo("NONE"))
                    .body("actDeliveryMethod", equalTo("NONE"));
        }
        as(env.adminToken()).body(Map.of("ids", List.of(a), "changes", Map.of()))
                .post(env.path("/mailboxes/bulk-edit")).then().statusCode(400);
        as(Fixtures.token(UUID.randomUUID(), env.tenant(), "GlobalAdministrator"))
                .body(Map.of("ids", List.of(a), "changes", changes)).post(env.path("/mailboxes/bulk-edit")).then()
                .statusCode(403);
    }

    @Test
    void applyDefaultSettingsTestsAndEnablesByDefault() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        String a = Fixtures.createUser(env, "Defaults A");
        String b = Fixtures.createUser(env, "Defaults B");
        as(env.adminToken()).body(Map.of("ids", List.of(a, b), "changes", Map.of("profileId",
                env.imapProfile().toString(), "incomingDeliveryMethod", "NONE")))
                .post(env.path("/mailboxes/bulk-edit")).then().statusCode(200);

        as(env.adminToken()).body(Map.of("ids", List.of(a), "testAndEnable", false))
                .post(env.path("/mailboxes/apply-default-settings")).then().statusCode(200).body("updated", equalTo(1));
        as(env.adminToken()).get(env.path("/mailboxes/" + a)).then()
                .body("profileId", equalTo(env.defaultProfile().toString()))
                .body("incomingDeliveryMethod", equalTo("SERVER_SIDE_SYNC"))
                .body("actDeliveryMethod", equalTo("SERVER_SIDE_SYNC"));

        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.MAILBOX_TOPIC))) {
            var accepted = as(env.adminToken()).body(Map.of("ids", List.of(a, b)))
                    .post(env.path("/mailboxes/apply-default-settings")).then().statusCode(202)
                    .body("kind", equalTo("MAILBOXES")).body("total", equalTo(2)).extract();
            String jobId = accepted.path("jobId");
            assertThat(accepted.header("Location")).isEqualTo("http://127.0.0.1:8084/api/v1/jobs/" + jobId);
            List<ConsumerRecord<String, String>> requests = topic.await(r -> PlainConsumer.header(r, "ce_type")
                    .equals("io.exsync.mailbox.test-requested.v1") && r.value().contains(jobId), 2, Duration.ofSeconds(15));
            assertThat(requests).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(a, b);
            JsonNode body = EventJson.parse(requests.get(0).value());
            assertThat(body.get("jobTotal").asInt()).isEqualTo(2);
            assertThat(body.get("profileId").asText()).isEqualTo(env.defaultProfile().toString());
            assertThat(body.get("emailAddressApproval").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(body.get("approvalRequired").asBoolean()).isTrue();
            assertThat(body.get("regarding").get("type").asText()).isEqualTo("USER");
            assertThat(body.get("requestedBy").asText()).isEqualTo(env.adminId().toString());
        }
    }

    @Test
    void aProfileWideTestFansOutToEveryActiveMailboxOfTheProfile() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        List<String> imap = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            imap.add(Fixtures.createUser(env, "Fan out " + i));
        }
        as(env.adminToken()).body(Map.of("ids", imap, "changes", Map.of("profileId", env.imapProfile().toString())))
                .post(env.path("/mailboxes/bulk-edit")).then().statusCode(200);
        UUID jobId = UUID.randomUUID();
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.MAILBOX_TOPIC))) {
            UUID ceId = events.publish(new ProfileTestRequested(env.id(), env.imapProfile(), jobId, env.adminId()));
            events.publish(new ProfileTestRequested(env.id(), env.imapProfile(), jobId, env.adminId()), ceId);
            // Every active mailbox of the profile (the fixture's own probes included), each once.
            List<String> expected = as(env.adminToken()).queryParam("profileId", env.imapProfile().toString())
                    .queryParam("state", "ACTIVE").queryParam("size", 500).get(env.path("/mailboxes")).then()
                    .extract().path("items.id");
            assertThat(expected).containsAll(imap);
            List<ConsumerRecord<String, String>> requests = topic.await(r -> r.value().contains(jobId.toString()),
                    expected.size(), Duration.ofSeconds(20));
            requests.addAll(topic.await(r -> r.value().contains(jobId.toString()), 1, Duration.ofSeconds(3)));
            assertThat(requests).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void tenThousandMailboxesAreRequestedOnceEachInOneJob() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        List<String> ids = insertMailboxes(env, 10_000);
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.MAILBOX_TOPIC))) {
            long started = System.nanoTime();
            String jobId = as(env.adminToken()).body(Map.of("ids", ids)).post(env.path("/mailboxes/test-and-enable"))
                    .then().statusCode(202).body("total", equalTo(10_000)).extract().path("jobId");
            System.out.printf("bulk test-and-enable of 10,000 mailboxes accepted in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            List<ConsumerRecord<String, String>> requests = topic.await(r -> r.value().contains(jobId), 10_000,
                    Duration.ofSeconds(60));
            Set<String> keys = new HashSet<>();
            requests.forEach(r -> keys.add(r.key()));
            assertThat(requests).hasSize(10_000);
            assertThat(keys).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(topic.await(r -> r.value().contains(jobId), 1, Duration.ofSeconds(3))).isEmpty();
        }
        List<String> tooMany = new ArrayList<>(ids);
        tooMany.add(UUID.randomUUID().toString());
        as(env.adminToken()).body(Map.of("ids", tooMany)).post(env.path("/mailboxes/test-and-enable")).then()
                .statusCode(400).body("violations.field", hasItem("ids"));
    }

    /** 10,000 mailboxes straight into the table: the API path is covered elsewhere, this test is about the bulk. */
    private List<String> insertMailboxes(Fixtures.Env env, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into mailbox (id, environment_id, regarding_type, regarding_id, regarding_name, owner_id,
                       email_address, profile_id, incoming_delivery_method, outgoing_delivery_method,
                       act_delivery_method, email_address_approval, state, created_on, modified_on)
                     values (?, ?, 'USER', ?, ?, ?, ?, ?, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC',
                       'APPROVED', 'ACTIVE', now(), now())""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                UUID user = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setObject(2, env.id());
                insert.setObject(3, user);
                insert.setString(4, "Bulk user " + i);
                insert.setObject(5, user);
                insert.setString(6, "bulk" + i + "-" + id + "@contoso.com");
                insert.setObject(7, env.defaultProfile());
                insert.addBatch();
                ids.add(id.toString());
            }
            insert.executeBatch();
        }
        return ids;
    }
}
