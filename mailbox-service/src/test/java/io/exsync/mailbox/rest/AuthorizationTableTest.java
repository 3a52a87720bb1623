package io.exsync.mailbox.rest;

import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.AuthorizationTable;
import io.exsync.support.SyncWorkerStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.exsync.mailbox.rest.Fixtures.as;
import static io.exsync.support.AuthorizationTable.EXPIRED;
import static io.exsync.support.AuthorizationTable.NO_TOKEN;
import static io.exsync.support.AuthorizationTable.OTHER_TENANT;
import static io.exsync.support.AuthorizationTable.SERVICE;
import static io.exsync.support.AuthorizationTable.WRONG_KEY;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §2 over every mailbox-service endpoint (issue 9, point 3): endpoint × caller kind → status, from the table
 * below. Roles reach the read model as in production: the creator (System Administrator) from
 * EnvironmentRegistered, the others from RoleAssigned. MailboxWrite: System Administrator ORGANIZATION, Basic User
 * USER (its own user mailbox only), Delegated Mailbox Approver none.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(SyncWorkerStandIn.class)
class AuthorizationTableTest {

    static final String SYS_ADMIN = "SYS_ADMIN";
    static final String GLOBAL_ADMIN = "GLOBAL_ADMIN";
    static final String EXCHANGE_ADMIN = "EXCHANGE_ADMIN";
    static final String DELEGATED_APPROVER = "DELEGATED_APPROVER";
    /** Basic User with a user mailbox of their own ({@code ownMailboxId}). */
    static final String BASIC_USER = "BASIC_USER";
    static final String NO_ROLE = "NO_ROLE";

    static TestEvents events;
    static Fixtures.Env env;
    static UUID basicUserId;
    static String basicUser;
    static String delegatedApprover;
    static String mailboxId;
    static String ownMailboxId;
    static String credentialsMailboxId;

    /** Built once, inside the test: RestAssured knows the random test port only from then on. */
    static void fixtures() {
        events = new TestEvents();
        env = Fixtures.environment(events);
        basicUserId = UUID.randomUUID();
        UUID approverId = UUID.randomUUID();
        Fixtures.grant(events, env, basicUserId, "Basic User");
        Fixtures.grant(events, env, approverId, "Delegated Mailbox Approver");
        basicUser = AuthorizationTable.userToken(basicUserId, env.tenant(), "");
        delegatedApprover = AuthorizationTable.userToken(approverId, env.tenant(), "");
        mailboxId = Fixtures.createUser(env, "Table Other");
        credentialsMailboxId = Fixtures.createUser(env, "Table Credentials");
        as(env.adminToken()).body(Map.of("username", "table@contoso.com", "password", "pw-" + UUID.randomUUID()))
                .put(env.path("/mailboxes/" + credentialsMailboxId + "/credentials")).then().statusCode(204);
        String email = "basic." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        ownMailboxId = as(env.adminToken()).body(Map.of("id", basicUserId.toString(), "fullName", "Basic User",
                        "email", email, "userPrincipalName", email))
                .post(env.path("/users")).then().statusCode(201).extract().path("mailboxId");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                as(basicUser).get(env.path("/mailboxes")).statusCode() == 200
                        && as(delegatedApprover).get(env.path("/mailboxes")).statusCode() == 200);
    }

    @AfterAll
    static void close() {
        if (events != null) {
            events.close();
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        fixtures();
        Supplier<Map<String, Object>> newUser = () -> {
            String email = "table." + UUID.randomUUID() + "@contoso.com";
            return Map.of("fullName", "Table User", "email", email, "userPrincipalName", email);
        };
        Supplier<Map<String, Object>> newQueue = () -> Map.of("name", "Table Queue",
                "email", "queue." + UUID.randomUUID() + "@contoso.com", "ownerId", env.adminId().toString());
        Supplier<Map<String, Object>> patch = () -> Map.of("syncItemsOnlyFromThisOrg", true);
        Supplier<Map<String, Object>> credentials = () -> Map.of("username", "user@contoso.com", "password", "pw");
        Supplier<Map<String, Object>> bulkEdit = () -> Map.of("ids", List.of(mailboxId),
                "changes", Map.of("incomingDeliveryMethod", "SERVER_SIDE_SYNC"));
        Supplier<Map<String, Object>> applyDefaults = () -> Map.of("ids", List.of(mailboxId), "testAndEnable", false);
        Supplier<Map<String, Object>> testOther = () -> Map.of("ids", List.of(mailboxId));
        Supplier<Map<String, Object>> testOwn = () -> Map.of("ids", List.of(ownMailboxId));

        AuthorizationTable table = AuthorizationTable.columns(NO_TOKEN, EXPIRED, WRONG_KEY, OTHER_TENANT, SERVICE,
                        SYS_ADMIN, GLOBAL_ADMIN, EXCHANGE_ADMIN, DELEGATED_APPROVER, BASIC_USER, NO_ROLE)
                .standardCallers(env.adminId(), env.tenant())
                .caller(SYS_ADMIN, env.adminToken())
                .caller(GLOBAL_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), "GlobalAdministrator"))
                .caller(EXCHANGE_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator"))
                .caller(DELEGATED_APPROVER, delegatedApprover)
                .caller(BASIC_USER, basicUser)
                .caller(NO_ROLE, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), ""))
                .parameter("envId", env.id())
                .parameter("unknownEnvId", UUID.randomUUID())
                .parameter("mailboxId", mailboxId)
                .parameter("ownMailboxId", ownMailboxId)
                .parameter("unknownMailboxId", UUID.randomUUID())
                .parameter("credentialsMailboxId", credentialsMailboxId)
                // columns:                                                                              NO_TOKEN EXPIRED WRONG_KEY OTHER_TENANT SERVICE SYS_ADMIN GLOBAL EXCHANGE DMA BASIC NO_ROLE
                .row("GET",   "/api/v1/session",                                                           401, 401, 401, 200, 200, 200, 200, 200, 200, 200, 200)
                .row("GET",   "/api/v1/environments/{unknownEnvId}/mailboxes",                             401, 401, 401, 404, 404, 404, 404, 404, 404, 404, 404)
                .row("POST",  "/api/v1/environments/{envId}/users", newUser,                               401, 401, 401, 404, 201, 201, 403, 403, 403, 403, 403)
                .row("POST",  "/api/v1/environments/{envId}/queues", newQueue,                             401, 401, 401, 404, 201, 201, 403, 403, 403, 403, 403)
                .row("GET",   "/api/v1/environments/{envId}/mailboxes",                                    401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",   "/api/v1/environments/{envId}/mailboxes/{mailboxId}",                        401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",   "/api/v1/environments/{envId}/mailboxes/{unknownMailboxId}",                 401, 401, 401, 404, 404, 404, 404, 404, 404, 404, 403)
                .row("PATCH", "/api/v1/environments/{envId}/mailboxes/{mailboxId}", patch,                 401, 401, 401, 404, 200, 200, 403, 403, 403, 403, 403)
                .row("PATCH", "/api/v1/environments/{envId}/mailboxes/{ownMailboxId}", patch,              401, 401, 401, 404, 200, 200, 403, 403, 403, 200, 403)
                .row("PUT",   "/api/v1/environments/{envId}/mailboxes/{mailboxId}/credentials", credentials,    401, 401, 401, 404, 204, 204, 403, 403, 403, 403, 403)
                .row("PUT",   "/api/v1/environments/{envId}/mailboxes/{ownMailboxId}/credentials", credentials, 401, 401, 401, 404, 204, 204, 403, 403, 403, 204, 403)
                .row("POST",  "/api/v1/environments/{envId}/mailboxes/bulk-edit", bulkEdit,               401, 401, 401, 404, 200, 200, 403, 403, 403, 403, 403)
                .row("POST",  "/api/v1/environments/{envId}/mailboxes/apply-default-settings", applyDefaults, 401, 401, 401, 404, 200, 200, 403, 403, 403, 403, 403)
                .row("POST",  "/api/v1/environments/{envId}/mailboxes/test-and-enable", testOther,         401, 401, 401, 404, 202, 202, 403, 403, 403, 403, 403)
                .row("POST",  "/api/v1/environments/{envId}/mailboxes/test-and-enable", testOwn,           401, 401, 401, 404, 202, 202, 403, 403, 403, 202, 403)
                .row("POST",  "/api/v1/environments/{envId}/mailboxes/{mailboxId}/test-and-enable",        401, 401, 401, 404, 202, 202, 403, 403, 403, 403, 403)
                .row("POST",  "/api/v1/environments/{envId}/mailboxes/{ownMailboxId}/test-and-enable",     401, 401, 401, 404, 202, 202, 403, 403, 403, 202, 403)
                .row("GET",   "/api/v1/environments/{envId}/mailboxes/{mailboxId}/alerts",                 401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",   "/api/v1/environments/{envId}/alerts",                                       401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 403)
                // Internal: decrypted credentials for service tokens only; anyone else 403, whatever the tenant.
                .row("GET",   "/api/v1/internal/mailboxes/{credentialsMailboxId}/credentials",             401, 401, 401, 403, 200, 403, 403, 403, 403, 403, 403)
                .row("GET",   "/api/v1/internal/mailboxes/{unknownMailboxId}/credentials",                 401, 401, 401, 403, 404, 403, 403, 403, 403, 403, 403);
        table.assertAll();
    }
}
