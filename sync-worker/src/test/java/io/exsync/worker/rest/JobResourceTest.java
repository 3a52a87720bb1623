package io.exsync.worker.rest;

import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.exsync.worker.ExchangeSimulatorResource;
import io.exsync.events.testing.TestSchema;
import io.quarkus.test.common.ResourceArg;
import io.exsync.worker.TestConnections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.worker.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class JobResourceTest {

    @Inject
    TestConnections connections;

    @org.junit.jupiter.api.BeforeEach
    void workerListens() {
        awaitConsumersReady();
    }

    @Test
    void registeredJobIsReadableAtOnceAndOnlyInItsTenant() {
        String tenant = "tenant-" + UUID.randomUUID();
        UUID env = environment(tenant);
        UUID jobId = UUID.randomUUID();
        Map<String, Object> body = Map.of("environmentId", env.toString(), "kind", "MAILBOXES", "total", 2);

        as(userToken(tenant)).body(body).put("/api/v1/internal/jobs/" + jobId).then().statusCode(403)
                .body("code", equalTo("Forbidden"));
        as(serviceToken()).body(Map.of("environmentId", env.toString(), "kind", "NOPE", "total", 2))
                .put("/api/v1/internal/jobs/" + jobId).then().statusCode(400);
        as(serviceToken()).body(body).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("total", equalTo(2)).body("completed", equalTo(0));
        as(serviceToken()).body(body).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200);

        as(serviceToken()).get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("id", equalTo(jobId.toString())).body("environmentId", equalTo(env.toString()))
                .body("kind", equalTo("MAILBOXES")).body("state", equalTo("QUEUED"));
        String sameTenant = userToken(tenant);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(sameTenant).get("/api/v1/jobs/" + jobId).then().statusCode(200));
        as(userToken("tenant-" + UUID.randomUUID())).get("/api/v1/jobs/" + jobId).then().statusCode(404)
                .body("code", equalTo("NotFound"));
        as(sameTenant).get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
        as(sameTenant).get("/api/v1/jobs/" + jobId + "/results?size=501").then().statusCode(400);
        io.restassured.RestAssured.given().get("/api/v1/jobs/" + jobId).then().statusCode(401);
    }

    @Test
    void profileJobWithoutASizeWaitsForItsFanOutAndAnEmptyOneCompletesOnce() {
        UUID env = environment(TENANT);
        UUID jobId = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        java.util.HashMap<String, Object> unknownSize = new java.util.HashMap<>(Map.of("environmentId",
                env.toString(), "kind", "PROFILE", "profileId", profile.toString()));
        unknownSize.put("total", null);
        as(serviceToken()).body(Map.of("environmentId", env.toString(), "kind", "MAILBOXES"))
                .put("/api/v1/internal/jobs/" + jobId).then().statusCode(400).body("code", equalTo("ValidationFailed"));

        try (PlainConsumer consumer = consumer()) {
            // profile-service: no size yet → QUEUED with total null, not completed
            as(serviceToken()).body(unknownSize).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200)
                    .body("state", equalTo("QUEUED")).body("kind", equalTo("PROFILE"))
                    .body("total", org.hamcrest.Matchers.nullValue());
            // mailbox-service's fan-out found no active mailbox → total 0 completes at once
            Map<String, Object> empty = Map.of("environmentId", env.toString(), "kind", "PROFILE", "total", 0,
                    "profileId", profile.toString());
            as(serviceToken()).body(empty).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200)
                    .body("state", equalTo("COMPLETED")).body("total", equalTo(0));
            // repeats (and a late profile-service call without size) change nothing
            as(serviceToken()).body(empty).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200)
                    .body("state", equalTo("COMPLETED"));
            as(serviceToken()).body(unknownSize).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200)
                    .body("state", equalTo("COMPLETED")).body("total", equalTo(0));
            List<ConsumerRecord<String, String>> records = recordsUntilCompleted(consumer, jobId);
            List<JsonPath> completed = ofType(records, "io.exsync.test-job.completed.v1", jobId.toString());
            assertThat(completed).hasSize(1);
            assertThat(completed.get(0).getString("state")).isEqualTo("COMPLETED");
            assertThat(completed.get(0).getInt("total")).isZero();
        }
        as(serviceToken()).get("/api/v1/jobs/" + jobId).then().statusCode(200).body("state", equalTo("COMPLETED"))
                .body("finishedOn", notNullValue());
    }

    @Test
    void cancelStopsQueuedMailboxesAndOnesArrivingLater() {
        UUID env = environment(TENANT);
        UUID jobId = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        as(serviceToken()).body(Map.of("environmentId", env.toString(), "kind", "PROFILE", "total", 2,
                "profileId", profile.toString())).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200);
        as(serviceToken()).post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));

        try (PlainConsumer consumer = consumer()) {
            publish(request(env, jobId, 2, profile, "c1@contoso.com"));
            publish(request(env, jobId, 2, profile, "c2@contoso.com"));
            List<ConsumerRecord<String, String>> records = recordsUntilCompleted(consumer, jobId);
            List<JsonPath> completed = ofType(records, "io.exsync.test-job.completed.v1", jobId.toString());
            assertThat(completed).hasSize(1);
            assertThat(completed.get(0).getString("state")).isEqualTo("CANCELLED");
            assertThat(completed.get(0).getInt("cancelled")).isEqualTo(2);
        }
        JsonPath job = awaitJob(jobId, "CANCELLED");
        assertThat(job.getInt("completed")).isEqualTo(2);
        assertThat(job.getString("finishedOn")).isNotNull();
        assertThat(results(jobId).values()).extracting(r -> r.get("outcome")).containsOnly("CANCELLED");
        as(serviceToken()).post("/api/v1/jobs/" + jobId + "/retry-failed").then().statusCode(409)
                .body("code", equalTo("NothingToRetry"));
    }

    @Test
    void redeliveredRequestGivesOneResult() {
        scenario(List.of(mailbox("once@contoso.com", kind("ok"))));
        UUID env = environment(TENANT);
        UUID jobId = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        connections.put(graph(profile, 10000));
        TestAndEnableRequested request = request(env, jobId, 1, profile, "once@contoso.com");
        try (PlainConsumer consumer = consumer()) {
            UUID ceId = UUID.randomUUID();
            publish(request, ceId);
            publish(request, ceId);
            publish(request);
            List<ConsumerRecord<String, String>> records = recordsUntilCompleted(consumer, jobId);
            assertThat(ofType(records, "io.exsync.test-job.started.v1", jobId.toString())).hasSize(1);
            assertThat(ofType(records, "io.exsync.mailbox-test.completed.v1", request.mailboxId().toString()))
                    .hasSize(1);
            assertThat(ofType(records, "io.exsync.test-job.completed.v1", jobId.toString())).hasSize(1);
        }
        JsonPath job = awaitJob(jobId, "COMPLETED");
        assertThat(job.getInt("total")).isEqualTo(1);
        assertThat(job.getInt("succeeded")).isEqualTo(1);
        as(serviceToken()).get("/api/v1/jobs/" + jobId + "/results").then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items[0].outcome", equalTo("SUCCEEDED")).body("items[0].completedOn", notNullValue());
    }

    @Test
    void retryFailedRerunsOnlyTheFailedMailboxes() {
        scenario(List.of(mailbox("fixme@contoso.com", kind("unauthorized")), mailbox("fine@contoso.com", kind("ok"))));
        UUID env = environment(TENANT);
        UUID jobId = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        connections.put(graph(profile, 10000));
        TestAndEnableRequested broken = request(env, jobId, 2, profile, "fixme@contoso.com");
        publish(broken);
        publish(request(env, jobId, 2, profile, "fine@contoso.com"));
        JsonPath job = awaitJob(jobId, "COMPLETED");
        assertThat(job.getInt("failed")).isEqualTo(1);
        int fineRequests = requestsOf("fine@contoso.com");

        scenario(List.of(mailbox("fixme@contoso.com", kind("ok")), mailbox("fine@contoso.com", kind("ok"))));
        as(serviceToken()).post("/api/v1/jobs/" + jobId + "/retry-failed").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/jobs/" + jobId))
                .body("state", equalTo("RUNNING"));
        job = awaitJob(jobId, "COMPLETED");
        assertThat(job.getInt("succeeded")).isEqualTo(2);
        assertThat(job.getInt("failed")).isZero();
        assertThat(results(jobId).get(broken.mailboxId().toString()).get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(requestsOf("fine@contoso.com")).as("the succeeded mailbox is not re-run").isZero();
        assertThat(fineRequests).isPositive();
    }
}
