package io.exsync.worker.rest;

import io.exsync.events.testing.TestTopics;
import io.exsync.support.AuthorizationTable;
import io.exsync.events.testing.TestSchema;
import io.exsync.worker.ExchangeSimulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.exsync.support.AuthorizationTable.EXPIRED;
import static io.exsync.support.AuthorizationTable.NO_TOKEN;
import static io.exsync.support.AuthorizationTable.OTHER_TENANT;
import static io.exsync.support.AuthorizationTable.SERVICE;
import static io.exsync.support.AuthorizationTable.WRONG_KEY;
import static io.exsync.worker.Fixtures.as;
import static io.exsync.worker.Fixtures.environment;
import static io.exsync.worker.Fixtures.serviceToken;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §2 over every sync-worker endpoint (issue 9, point 3): endpoint × caller kind → status, from the table below.
 * The worker knows an environment's tenant (EnvironmentRegistered) but not its roles: any caller of the tenant may
 * read and act on a job (README "Who may read and act on a job"; environment roles are not checked yet).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class AuthorizationTableTest {

    /** A user of the environment's tenant without directory roles. */
    static final String TENANT_USER = "TENANT_USER";
    /** A Global Administrator of the environment's tenant. */
    static final String GLOBAL_ADMIN = "GLOBAL_ADMIN";

    static String tenant;
    static UUID environmentId;
    static String jobId;

    /** Built once, inside the test: RestAssured knows the random test port only from then on. */
    static void fixtures() {
        tenant = "tenant-" + UUID.randomUUID();
        environmentId = environment(tenant);
        jobId = newJob();
        String tenantUser = AuthorizationTable.userToken(UUID.randomUUID(), tenant, "");
        // The environment's tenant is known once a user of the tenant can read the job.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                as(tenantUser).get("/api/v1/jobs/" + jobId).statusCode() == 200);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        fixtures();
        Supplier<Map<String, Object>> registration = () -> Map.of("environmentId", environmentId.toString(),
                "kind", "MAILBOXES", "total", 1);
        AuthorizationTable table = AuthorizationTable.columns(
                        NO_TOKEN, EXPIRED, WRONG_KEY, OTHER_TENANT, SERVICE, TENANT_USER, GLOBAL_ADMIN)
                .standardCallers(UUID.randomUUID(), tenant)
                .caller(TENANT_USER, AuthorizationTable.userToken(UUID.randomUUID(), tenant, ""))
                .caller(GLOBAL_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), tenant, "GlobalAdministrator"))
                .parameter("jobId", jobId)
                .freshParameter("freshJobId", AuthorizationTableTest::newJob)
                .freshParameter("newJobId", () -> UUID.randomUUID().toString())
                .parameter("unknownJobId", UUID.randomUUID())
                //                                                             NO_TOKEN EXPIRED WRONG_KEY OTHER_TENANT SERVICE TENANT_USER GLOBAL_ADMIN
                .row("GET", "/api/v1/session",                                     401,   401,    401,      200,       200,     200,       200)
                .row("GET", "/api/v1/jobs/{jobId}",                                401,   401,    401,      404,       200,     200,       200)
                .row("GET", "/api/v1/jobs/{unknownJobId}",                         401,   401,    401,      404,       404,     404,       404)
                .row("GET", "/api/v1/jobs/{jobId}/results",                        401,   401,    401,      404,       200,     200,       200)
                // A fresh QUEUED job per cell: cancelling it is allowed once.
                .row("POST", "/api/v1/jobs/{freshJobId}/cancel",                   401,   401,    401,      404,       200,     200,       200)
                // Allowed callers reach the business rule: a job without failures has nothing to retry.
                .row("POST", "/api/v1/jobs/{jobId}/retry-failed",                  401,   401,    401,      404,       409,     409,       409)
                // Internal: service tokens only, whatever the tenant.
                .row("PUT", "/api/v1/internal/jobs/{newJobId}", registration,      401,   401,    401,      403,       200,     403,       403);
        table.assertAll();
    }

    /** A job registered as profile-service / mailbox-service do before their 202: QUEUED, one mailbox. */
    static String newJob() {
        UUID id = UUID.randomUUID();
        as(serviceToken()).body(Map.of("environmentId", environmentId.toString(), "kind", "MAILBOXES", "total", 1))
                .put("/api/v1/internal/jobs/" + id).then().statusCode(200);
        return id.toString();
    }
}
