package io.exsync.profile.rest;

import io.exsync.events.testing.TestTopics;
import io.exsync.support.AuthorizationTable;
import io.exsync.support.SyncWorkerStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.exsync.profile.rest.Fixtures.as;
import static io.exsync.support.AuthorizationTable.EXPIRED;
import static io.exsync.support.AuthorizationTable.NO_TOKEN;
import static io.exsync.support.AuthorizationTable.OTHER_TENANT;
import static io.exsync.support.AuthorizationTable.SERVICE;
import static io.exsync.support.AuthorizationTable.WRONG_KEY;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §2 and §5 over every profile-service endpoint (issue 9, point 3): endpoint × caller kind → status, from the
 * table below. One ONLINE environment (Exchange Online in the same tenant, so it has the default profile); roles
 * other than the creator's System Administrator reach the read model through RoleAssigned events, as in production.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(SyncWorkerStandIn.class)
class AuthorizationTableTest {

    /** The environment's creator (System Administrator) with no directory role. */
    static final String SYS_ADMIN = "SYS_ADMIN";
    /** The creator again, as Global Administrator of the tenant: R1 for the approval switches. */
    static final String SYS_ADMIN_GLOBAL = "SYS_ADMIN+GLOBAL_ADMIN";
    /** Tenant directory roles without an environment role. */
    static final String GLOBAL_ADMIN = "GLOBAL_ADMIN";
    static final String EXCHANGE_ADMIN = "EXCHANGE_ADMIN";
    /** Environment roles given through approval events. */
    static final String DELEGATED_APPROVER = "DELEGATED_APPROVER";
    static final String BASIC_USER = "BASIC_USER";
    /** A user of the tenant with no role at all. */
    static final String NO_ROLE = "NO_ROLE";

    static Fixtures.Env env;
    static String profileId;
    static String basicUser;
    static String delegatedApprover;

    /** Built once, inside the test: RestAssured knows the random test port only from then on. */
    static void fixtures() {
        env = Fixtures.environment("ONLINE", true);
        profileId = Fixtures.createProfile(env, Fixtures.exchangeServerProfile("Table " + UUID.randomUUID()));
        UUID basicUserId = UUID.randomUUID();
        UUID approverId = UUID.randomUUID();
        EmailSettingsResourceTest.publishRoleAssigned(env.id(), basicUserId, "Basic User");
        EmailSettingsResourceTest.publishRoleAssigned(env.id(), approverId, "Delegated Mailbox Approver");
        basicUser = AuthorizationTable.userToken(basicUserId, env.tenant(), "");
        delegatedApprover = AuthorizationTable.userToken(approverId, env.tenant(), "");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                as(basicUser).get(env.path("")).statusCode() == 200
                        && as(delegatedApprover).get(env.path("")).statusCode() == 200);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        fixtures();
        Supplier<Map<String, Object>> newEnvironment = () -> Map.of("name", "Table " + UUID.randomUUID(),
                "tenantId", env.tenant(), "deployment", "ON_PREMISES", "version", Fixtures.VERSION);
        Supplier<Map<String, Object>> newProfile = () -> Fixtures.exchangeServerProfile("Table " + UUID.randomUUID());
        Supplier<Map<String, Object>> samePolling = () -> Map.of("minPollingIntervalMinutes", 5);
        Supplier<Map<String, Object>> sameSettings = AuthorizationTableTest::currentSettings;
        Supplier<Map<String, Object>> flippedApprovalSwitch = () -> {
            Map<String, Object> settings = currentSettings();
            settings.put("processEmailsOnlyForApprovedUsers",
                    !Boolean.TRUE.equals(settings.get("processEmailsOnlyForApprovedUsers")));
            return settings;
        };
        AuthorizationTable table = AuthorizationTable.columns(NO_TOKEN, EXPIRED, WRONG_KEY, OTHER_TENANT, SERVICE,
                        SYS_ADMIN, SYS_ADMIN_GLOBAL, GLOBAL_ADMIN, EXCHANGE_ADMIN, DELEGATED_APPROVER, BASIC_USER, NO_ROLE)
                .standardCallers(env.adminId(), env.tenant())
                .caller(SYS_ADMIN, AuthorizationTable.userToken(env.adminId(), env.tenant(), ""))
                .caller(SYS_ADMIN_GLOBAL, env.adminToken())
                .caller(GLOBAL_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), "GlobalAdministrator"))
                .caller(EXCHANGE_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator"))
                .caller(DELEGATED_APPROVER, delegatedApprover)
                .caller(BASIC_USER, basicUser)
                .caller(NO_ROLE, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), ""))
                .parameter("envId", env.id())
                .parameter("unknownEnvId", UUID.randomUUID())
                .parameter("profileId", profileId)
                .parameter("unknownProfileId", UUID.randomUUID())
                .freshParameter("freshProfileId", () -> Fixtures.createProfile(env,
                        Fixtures.exchangeServerProfile("Fresh " + UUID.randomUUID())))
                // columns:                                                                                         NO_TOKEN EXPIRED WRONG_KEY OTHER_TENANT SERVICE SYS_ADMIN SA+GA GLOBAL EXCHANGE DMA BASIC NO_ROLE
                .row("GET",    "/api/v1/session",                                                                      401, 401, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200)
                // Creating an environment: GlobalAdministrator of the tenant named in the body, or a service token.
                .row("POST",   "/api/v1/environments", newEnvironment,                                                 401, 401, 401, 403, 201, 403, 201, 201, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}",                                                         401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",    "/api/v1/environments/{unknownEnvId}",                                                  401, 401, 401, 404, 404, 404, 404, 404, 404, 404, 404, 404)
                .row("GET",    "/api/v1/environments/{envId}/profiles",                                                401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("POST",   "/api/v1/environments/{envId}/profiles", newProfile,                                    401, 401, 401, 404, 201, 201, 201, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}/profiles/{profileId}",                                    401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",    "/api/v1/environments/{envId}/profiles/{unknownProfileId}",                             401, 401, 401, 404, 404, 404, 404, 404, 404, 404, 404, 403)
                .row("PATCH",  "/api/v1/environments/{envId}/profiles/{profileId}", samePolling,                       401, 401, 401, 404, 200, 200, 200, 403, 403, 403, 403, 403)
                .row("DELETE", "/api/v1/environments/{envId}/profiles/{freshProfileId}",                               401, 401, 401, 404, 200, 200, 200, 403, 403, 403, 403, 403)
                .row("POST",   "/api/v1/environments/{envId}/profiles/{profileId}/set-default",                        401, 401, 401, 404, 200, 200, 200, 403, 403, 403, 403, 403)
                .row("POST",   "/api/v1/environments/{envId}/profiles/{profileId}/test-and-enable",                    401, 401, 401, 404, 202, 202, 202, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}/email-settings",                                          401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("PUT",    "/api/v1/environments/{envId}/email-settings", sameSettings,                            401, 401, 401, 404, 200, 200, 200, 403, 403, 403, 403, 403)
                // ONLINE: changing an approval switch is R1 without the privilege check (System Administrator and
                // GlobalAdministrator, ExchangeAdministrator or Delegated Mailbox Approver).
                .row("PUT",    "/api/v1/environments/{envId}/email-settings", flippedApprovalSwitch,                   401, 401, 401, 404, 200, 403, 200, 403, 403, 403, 403, 403)
                // Internal: decrypted secrets for service tokens only; anyone else 403, whatever the tenant.
                .row("GET",    "/api/v1/internal/profiles/{profileId}/connection",                                     401, 401, 401, 403, 200, 403, 403, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/internal/profiles/{unknownProfileId}/connection",                              401, 401, 401, 403, 404, 403, 403, 403, 403, 403, 403, 403);
        table.assertAll();
    }

    private static Map<String, Object> currentSettings() {
        Map<String, Object> settings = as(env.adminToken()).get(env.path("/email-settings")).then().statusCode(200)
                .extract().jsonPath().getMap("");
        return new HashMap<>(settings);
    }
}
