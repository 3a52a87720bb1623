package io.exsync.worker.rest;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.HostileBodies;
import io.exsync.events.testing.TestSchema;
import io.exsync.worker.ExchangeSimulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.worker.Fixtures.as;
import static io.exsync.worker.Fixtures.environment;
import static io.exsync.worker.Fixtures.serviceToken;
import static io.exsync.worker.Fixtures.userToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies and ids against the worker's write endpoints (issue 9): the internal job registration (service
 * token) and cancel / retry-failed. Each gets a 4xx problem body that echoes nothing; no job is written.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class BadInputCorpusTest {

    @Inject
    AgroalDataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void workerListens() {
        io.exsync.worker.Fixtures.awaitConsumersReady();
    }

    @Test
    void everyHostileBodyOrIdGetsA4xxProblemAndNoJobIsWritten() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        UUID env = environment(tenant);
        UUID otherEnv = environment("tenant-" + UUID.randomUUID());
        UUID existing = UUID.randomUUID();
        as(serviceToken()).body(Map.of("environmentId", env.toString(), "kind", "MAILBOXES", "total", 1))
                .put("/api/v1/internal/jobs/" + existing).then().statusCode(200);

        List<HostileBodies.Body> register = HostileBodies.of("PUT /internal/jobs/{id}", Map.of(
                        "environmentId", env.toString(), "kind", "MAILBOXES", "total", 2,
                        "profileId", UUID.randomUUID().toString()))
                .required("environmentId", "kind").enums("kind").ids("environmentId", "profileId").bodies();
        register.add(new HostileBodies.Body("PUT /internal/jobs/{id}: total -1",
                "{\"environmentId\":\"" + env + "\",\"kind\":\"MAILBOXES\",\"total\":-1}"));
        register.add(new HostileBodies.Body("PUT /internal/jobs/{id}: total over a million",
                "{\"environmentId\":\"" + env + "\",\"kind\":\"MAILBOXES\",\"total\":1000001}"));
        register.add(new HostileBodies.Body("PUT /internal/jobs/{id}: mailbox job without total",
                "{\"environmentId\":\"" + env + "\",\"kind\":\"MAILBOXES\"}"));
        List<HostileBodies.Body> existingJob = List.of(new HostileBodies.Body(
                "PUT /internal/jobs/{id}: a job of another environment",
                "{\"environmentId\":\"" + otherEnv + "\",\"kind\":\"MAILBOXES\",\"total\":1}"));
        List<HostileBodies.Body> registerIds = HostileBodies.hostileIds("PUT /internal/jobs/{id}");
        // A fresh UUID is a job id the worker may register: only the malformed ids are hostile for PUT.
        registerIds.removeIf(id -> id.json().matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
        List<HostileBodies.Body> cancelIds = HostileBodies.hostileIds("POST /jobs/{id}/cancel");
        List<HostileBodies.Body> retryIds = HostileBodies.hostileIds("POST /jobs/{id}/retry-failed");

        Map<String, Long> before = counts(env, otherEnv);
        List<String> failures = new ArrayList<>();
        for (HostileBodies.Body body : register) {
            check(failures, body, as(serviceToken()).body(body.json())
                    .put("/api/v1/internal/jobs/" + UUID.randomUUID()).then().extract());
        }
        for (HostileBodies.Body body : existingJob) {
            check(failures, body, as(serviceToken()).body(body.json())
                    .put("/api/v1/internal/jobs/" + existing).then().extract());
        }
        for (HostileBodies.Body id : registerIds) {
            check(failures, id, as(serviceToken()).body("{\"environmentId\":\"" + env + "\",\"kind\":\"PROFILE\"}")
                    .put("/api/v1/internal/jobs/{id}", id.json()).then().extract());
        }
        for (HostileBodies.Body id : cancelIds) {
            check(failures, id, as(serviceToken()).post("/api/v1/jobs/{id}/cancel", id.json()).then().extract());
        }
        for (HostileBodies.Body id : retryIds) {
            check(failures, id, as(serviceToken()).post("/api/v1/jobs/{id}/retry-failed", id.json()).then().extract());
        }
        // A job of another tenant is not there for this caller.
        String stranger = userToken("tenant-" + UUID.randomUUID());
        HostileBodies.Body otherTenant = new HostileBodies.Body("POST /jobs/{id}/cancel: job of another tenant", "");
        check(failures, otherTenant, as(stranger).post("/api/v1/jobs/" + existing + "/cancel").then().extract());
        check(failures, otherTenant, as(stranger).post("/api/v1/jobs/" + existing + "/retry-failed").then().extract());

        int total = register.size() + existingJob.size() + registerIds.size() + cancelIds.size() + retryIds.size() + 2;
        System.out.printf("sync-worker hostile bodies: %d (PUT /internal/jobs/{id} %d, POST cancel %d, "
                + "POST retry-failed %d)%n", total, register.size() + existingJob.size() + registerIds.size(),
                cancelIds.size() + 1, retryIds.size() + 1);
        assertThat(total).isGreaterThanOrEqualTo(50);
        assertThat(failures).isEmpty();
        assertThat(counts(env, otherEnv)).isEqualTo(before);
    }

    private static void check(List<String> failures, HostileBodies.Body body,
                              io.restassured.response.ExtractableResponse<?> response) {
        String wrong = HostileBodies.verdict(body, response);
        if (wrong != null) {
            failures.add(wrong);
        }
    }

    /** Rows of this test's environments only: jobs of earlier test classes may still be running. */
    private Map<String, Long> counts(UUID... environments) throws Exception {
        String ids = java.util.Arrays.stream(environments).map(id -> "'" + id + "'")
                .collect(java.util.stream.Collectors.joining(","));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("job", "select count(*) from job where environment_id in (" + ids + ")");
        queries.put("job_mailbox", "select count(*) from job_mailbox m join job j on j.id = m.job_id "
                + "where j.environment_id in (" + ids + ")");
        queries.put("outbox_event", "select count(*) from outbox_event where environment_id in (" + ids + ")");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (ResultSet result = statement.executeQuery(query.getValue())) {
                    result.next();
                    counts.put(query.getKey(), result.getLong(1));
                }
            }
        }
        return counts;
    }
}
