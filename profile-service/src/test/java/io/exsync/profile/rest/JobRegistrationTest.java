package io.exsync.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EventJson;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.LoopbackEndpoint;
import io.exsync.support.LoopbackEndpoint.Answer;
import io.exsync.support.SyncWorkerStandIn;
import io.exsync.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.exsync.profile.rest.Fixtures.as;
import static io.exsync.profile.rest.Fixtures.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * SPEC §4: the 202 of a profile's Test &amp; Enable carries the Location of a job the sync-worker already knows. The
 * worker is a loopback stand-in (SyncWorkerStandIn): the registration arrives before the 202, with a service token
 * and the job's facts; an unreachable or hanging worker still gives 202, within the call's short time limit.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(SyncWorkerStandIn.class)
class JobRegistrationTest {

    @AfterEach
    void workerAnswersAgain() {
        SyncWorkerStandIn.answerOk();
    }

    @Test
    void testAndEnableRegistersTheProfileJobOnTheWorkerBeforeAnswering() throws Exception {
        Fixtures.Env env = environment("ONLINE", true);
        String profileId = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");

        String jobId = as(env.adminToken()).post(env.path("/profiles/" + profileId + "/test-and-enable")).then()
                .statusCode(202).body("state", equalTo("QUEUED")).extract().path("jobId");

        // No waiting: the PUT was answered before the 202 was sent.
        List<LoopbackEndpoint.Received> puts = SyncWorkerStandIn.endpoint().received("/api/v1/internal/jobs/" + jobId);
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).method()).isEqualTo("PUT");
        JsonNode body = EventJson.parse(puts.get(0).body());
        assertThat(body.get("environmentId").asText()).isEqualTo(env.id().toString());
        assertThat(body.get("kind").asText()).isEqualTo("PROFILE");
        assertThat(body.get("total").isNull()).as("the size is the fan-out's to tell").isTrue();
        assertThat(body.get("profileId").asText()).isEqualTo(profileId);
        assertThat(puts.get(0).authorization()).startsWith("Bearer ");
        JsonNode claims = EventJson.parse(TestTokens.verifiedClaims(puts.get(0).authorization().substring(7)));
        assertThat(claims.get("groups").toString()).contains("\"Service\"");
        assertThat(claims.get("iss").asText()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo("00000000-0000-0000-0000-000000000081");
        assertThat(claims.get("exp").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void anUnreachableWorkerStillGives202Quickly() {
        Fixtures.Env env = environment("ONLINE", true);
        String profileId = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");

        SyncWorkerStandIn.endpoint().respond(request -> Answer.hang(6000));
        long started = System.nanoTime();
        String hung = as(env.adminToken()).post(env.path("/profiles/" + profileId + "/test-and-enable")).then()
                .statusCode(202).extract().header("Location");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(hung).startsWith("http://127.0.0.1:8084/api/v1/jobs/");
        assertThat(millis).as("the registration gives up after 2 s").isLessThan(5000);

        SyncWorkerStandIn.endpoint().respond(request -> Answer.json(503, ""));
        as(env.adminToken()).post(env.path("/profiles/" + profileId + "/test-and-enable")).then().statusCode(202);
    }
}
