package io.exsync.mailbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EventJson;
import io.exsync.events.ProfileEvent.ProfileTestRequested;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.LoopbackEndpoint;
import io.exsync.support.LoopbackEndpoint.Answer;
import io.exsync.support.SyncWorkerStandIn;
import io.exsync.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/**
 * SPEC §4: every 202 that starts Test &amp; Enable carries the Location of a job the sync-worker already knows. The
 * worker is a loopback stand-in (SyncWorkerStandIn): each registration arrives before the 202 with a service token
 * and {environmentId, kind, total, profileId}; the fan-out of a profile-wide run tells the worker the job's size
 * (0 included, so an empty profile's job can complete); an unreachable worker still gives 202.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(SyncWorkerStandIn.class)
class JobRegistrationTest {

    static TestEvents events;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @AfterEach
    void workerAnswersAgain() {
        SyncWorkerStandIn.answerOk();
    }

    private static JsonNode registration(String jobId) throws Exception {
        List<LoopbackEndpoint.Received> puts = SyncWorkerStandIn.endpoint().received("/api/v1/internal/jobs/" + jobId);
        assertThat(puts).as("registrations of job %s", jobId).hasSize(1);
        LoopbackEndpoint.Received put = puts.get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.authorization()).startsWith("Bearer ");
        JsonNode claims = EventJson.parse(TestTokens.verifiedClaims(put.authorization().substring(7)));
        assertThat(claims.get("groups").toString()).contains("\"Service\"");
        assertThat(claims.get("iss").asText()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo("00000000-0000-0000-0000-000000000082");
        return EventJson.parse(put.body());
    }

    @Test
    void everyTestAndEnableRegistersItsJobBeforeAnswering() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        String a = Fixtures.createUser(env, "Registered A");
        String b = Fixtures.createUser(env, "Registered B");

        String bulk = as(env.adminToken()).body(Map.of("ids", List.of(a, b)))
                .post(env.path("/mailboxes/test-and-enable")).then().statusCode(202).extract().path("jobId");
        JsonNode body = registration(bulk);
        assertThat(body.get("environmentId").asText()).isEqualTo(env.id().toString());
        assertThat(body.get("kind").asText()).isEqualTo("MAILBOXES");
        assertThat(body.get("total").asInt()).isEqualTo(2);
        assertThat(body.get("profileId").isNull()).isTrue();

        String one = as(env.adminToken()).post(env.path("/mailboxes/" + a + "/test-and-enable")).then()
                .statusCode(202).extract().path("jobId");
        assertThat(registration(one).get("total").asInt()).isEqualTo(1);

        String defaults = as(env.adminToken()).body(Map.of("ids", List.of(a, b)))
                .post(env.path("/mailboxes/apply-default-settings")).then().statusCode(202).extract().path("jobId");
        assertThat(registration(defaults).get("kind").asText()).isEqualTo("MAILBOXES");
        as(env.adminToken()).body(Map.of("ids", List.of(a), "testAndEnable", false))
                .post(env.path("/mailboxes/apply-default-settings")).then().statusCode(200);
    }

    @Test
    void theFanOutTellsTheWorkerTheSizeOfAProfileWideJobIncludingZero() throws Exception {
        Fixtures.Env env = Fixtures.environment(events);
        UUID emptyProfile = UUID.randomUUID();
        UUID emptyJob = UUID.randomUUID();
        events.publish(new ProfileTestRequested(env.id(), emptyProfile, emptyJob, env.adminId()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !SyncWorkerStandIn.endpoint().received("/api/v1/internal/jobs/" + emptyJob).isEmpty());
        JsonNode empty = registration(emptyJob.toString());
        assertThat(empty.get("kind").asText()).isEqualTo("PROFILE");
        assertThat(empty.get("total").asInt()).isZero();
        assertThat(empty.get("profileId").asText()).isEqualTo(emptyProfile.toString());
        assertThat(empty.get("environmentId").asText()).isEqualTo(env.id().toString());

        List<String> active = as(env.adminToken()).queryParam("profileId", env.defaultProfile().toString())
                .queryParam("state", "ACTIVE").queryParam("size", 500).get(env.path("/mailboxes")).then()
                .extract().path("items.id");
        UUID job = UUID.randomUUID();
        events.publish(new ProfileTestRequested(env.id(), env.defaultProfile(), job, env.adminId()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !SyncWorkerStandIn.endpoint().received("/api/v1/internal/jobs/" + job).isEmpty());
        assertThat(registration(job.toString()).get("total").asInt()).isEqualTo(active.size());
    }

    @Test
    void anUnreachableWorkerStillGives202Quickly() {
        Fixtures.Env env = Fixtures.environment(events);
        String a = Fixtures.createUser(env, "Unreached");

        SyncWorkerStandIn.endpoint().respond(request -> Answer.hang(6000));
        long started = System.nanoTime();
        as(env.adminToken()).post(env.path("/mailboxes/" + a + "/test-and-enable")).then().statusCode(202)
                .body("state", equalTo("QUEUED"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("the registration gives up after 2 s")
                .isLessThan(5000);

        SyncWorkerStandIn.endpoint().respond(request -> Answer.json(503, ""));
        as(env.adminToken()).post(env.path("/mailboxes/" + a + "/test-and-enable")).then().statusCode(202);
    }
}
