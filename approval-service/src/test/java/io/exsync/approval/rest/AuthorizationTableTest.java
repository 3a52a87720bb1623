package io.exsync.approval.rest;

import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.AuthorizationTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.exsync.approval.rest.Fixtures.as;
import static io.exsync.support.AuthorizationTable.EXPIRED;
import static io.exsync.support.AuthorizationTable.NO_TOKEN;
import static io.exsync.support.AuthorizationTable.OTHER_TENANT;
import static io.exsync.support.AuthorizationTable.SERVICE;
import static io.exsync.support.AuthorizationTable.WRONG_KEY;

/**
 * SPEC §2 and §5 over every approval-service endpoint (issue 9, point 3): endpoint × caller kind → status, from the
 * table below, in one ONLINE environment at the Delegated Mailbox Approver version gate. The approval rows check the
 * callers of this table; the full §5 matrix (deployment × profile class × tenant roles × environment roles ×
 * privilege × version, 320 cells) is {@link ApprovalMatrixTest} over HTTP and
 * {@code service.ApprovalPolicyTest} on the decision table, from {@code ExpectedApprovalMatrix}.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class AuthorizationTableTest {

    /** The environment's creator (System Administrator) with no directory role. */
    static final String SYS_ADMIN = "SYS_ADMIN";
    /** The creator as Global Administrator too: R1 for Exchange Online mailboxes. */
    static final String SYS_ADMIN_GLOBAL = "SYS_ADMIN+GLOBAL_ADMIN";
    static final String GLOBAL_ADMIN = "GLOBAL_ADMIN";
    static final String EXCHANGE_ADMIN = "EXCHANGE_ADMIN";
    /** Delegated Mailbox Approver alone (without System Administrator it approves nothing). */
    static final String DELEGATED_APPROVER = "DELEGATED_APPROVER";
    static final String BASIC_USER = "BASIC_USER";
    static final String NO_ROLE = "NO_ROLE";

    static Fixtures.Env env;
    static String basicRole;
    static String delegatedRole;
    static String customRole;
    static UUID basicUserId;
    static UUID approverId;
    static UUID noRoleUserId;
    static UUID historyMailbox;
    static final Deque<UUID> exchangeOnlineMailboxes = new ArrayDeque<>();
    static final Deque<UUID> onPremisesMailboxes = new ArrayDeque<>();

    /** Built once, inside the test: RestAssured knows the random test port only from then on. */
    static void fixtures(int cellsPerRow) {
        env = Fixtures.environment("ONLINE", Fixtures.GATE);
        basicRole = Fixtures.roleId(env, "Basic User");
        delegatedRole = Fixtures.roleId(env, "Delegated Mailbox Approver");
        customRole = Fixtures.customRole(env, "Table " + UUID.randomUUID(), Map.of("MailboxRead", "ORGANIZATION"));
        basicUserId = UUID.randomUUID();
        approverId = UUID.randomUUID();
        noRoleUserId = UUID.randomUUID();
        Fixtures.assign(env, basicUserId, basicRole);
        Fixtures.assign(env, approverId, delegatedRole);
        // One pending mailbox per cell of each row that decides on one, so every cell decides on a fresh one.
        List<MailboxCreated> created = new ArrayList<>();
        for (int i = 0; i < 3 * cellsPerRow + 1; i++) {
            created.add(Fixtures.pendingMailbox(env, env.exchangeOnlineProfile(),
                    "eo-" + UUID.randomUUID() + "@contoso.com", "USER", UUID.randomUUID()));
        }
        for (int i = 0; i < cellsPerRow; i++) {
            created.add(Fixtures.pendingMailbox(env, env.onPremisesProfile(),
                    "op-" + UUID.randomUUID() + "@contoso.com", "USER", UUID.randomUUID()));
        }
        Fixtures.publish(created.toArray(new MailboxCreated[0]));
        Fixtures.awaitMailboxes(created.stream().map(MailboxCreated::mailboxId).toList());
        historyMailbox = created.get(0).mailboxId();
        for (int i = 1; i <= 3 * cellsPerRow; i++) {
            exchangeOnlineMailboxes.add(created.get(i).mailboxId());
        }
        for (int i = 3 * cellsPerRow + 1; i < created.size(); i++) {
            onPremisesMailboxes.add(created.get(i).mailboxId());
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        String[] columns = {NO_TOKEN, EXPIRED, WRONG_KEY, OTHER_TENANT, SERVICE, SYS_ADMIN, SYS_ADMIN_GLOBAL,
                GLOBAL_ADMIN, EXCHANGE_ADMIN, DELEGATED_APPROVER, BASIC_USER, NO_ROLE};
        fixtures(columns.length);
        Supplier<Map<String, Object>> newRole = () -> Map.of("name", "Table " + UUID.randomUUID());
        Supplier<Map<String, Object>> privileges = () -> Map.of("privileges",
                List.of(Map.of("name", "MailboxRead", "depth", "ORGANIZATION")));
        Supplier<Map<String, Object>> newTeam = () -> Map.of("name", "Table " + UUID.randomUUID());
        Supplier<Map<String, Object>> basicUserRole = () -> Map.of("roleId", basicRole);
        Supplier<Map<String, Object>> delegatedApproverRole = () -> Map.of("roleId", delegatedRole);
        Supplier<Map<String, Object>> programmatic = () -> Map.of("emailRouterAccessApproval", "APPROVED");
        Supplier<Map<String, Object>> selfApprovalRun = () -> Map.of("userId", UUID.randomUUID().toString());

        AuthorizationTable table = AuthorizationTable.columns(columns)
                .standardCallers(env.adminId(), env.tenant())
                .caller(SYS_ADMIN, AuthorizationTable.userToken(env.adminId(), env.tenant(), ""))
                .caller(SYS_ADMIN_GLOBAL, AuthorizationTable.userToken(env.adminId(), env.tenant(), "GlobalAdministrator"))
                .caller(GLOBAL_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), "GlobalAdministrator"))
                .caller(EXCHANGE_ADMIN, AuthorizationTable.userToken(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator"))
                .caller(DELEGATED_APPROVER, AuthorizationTable.userToken(approverId, env.tenant(), ""))
                .caller(BASIC_USER, AuthorizationTable.userToken(basicUserId, env.tenant(), ""))
                .caller(NO_ROLE, AuthorizationTable.userToken(noRoleUserId, env.tenant(), ""))
                .parameter("envId", env.id())
                .parameter("unknownEnvId", UUID.randomUUID())
                .parameter("basicRoleId", basicRole)
                .parameter("customRoleId", customRole)
                .parameter("basicUserId", basicUserId)
                .parameter("noRoleUserId", noRoleUserId)
                .parameter("mailboxId", historyMailbox)
                .parameter("unknownMailboxId", UUID.randomUUID())
                .freshParameter("freshUserId", () -> UUID.randomUUID().toString())
                .freshParameter("freshBasicUserId", () -> {
                    UUID user = UUID.randomUUID();
                    Fixtures.assign(env, user, basicRole);
                    return user.toString();
                })
                .freshParameter("freshCustomRoleId", () -> Fixtures.customRole(env, "Fresh " + UUID.randomUUID(),
                        Map.of("MailboxRead", "USER")))
                .freshParameter("freshTeamId", () -> as(env.adminToken()).body(newTeam.get())
                        .post(env.path("/teams")).then().statusCode(201).extract().path("id"))
                .freshParameter("freshExchangeOnlineMailbox", () -> exchangeOnlineMailboxes.pop().toString())
                .freshParameter("freshOnPremisesMailbox", () -> onPremisesMailboxes.pop().toString())
                // columns:                                                                                          NO_TOKEN EXPIRED WRONG_KEY OTHER_TENANT SERVICE SYS_ADMIN SA+GA GLOBAL EXCHANGE DMA BASIC NO_ROLE
                .row("GET",    "/api/v1/session",                                                                       401, 401, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200)
                .row("GET",    "/api/v1/environments/{unknownEnvId}/security-roles",                                    401, 401, 401, 404, 404, 404, 404, 404, 404, 404, 404, 404)
                .row("GET",    "/api/v1/environments/{envId}/security-roles",                                           401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("POST",   "/api/v1/environments/{envId}/security-roles", newRole,                                  401, 401, 401, 404, 201, 201, 201, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}/security-roles/{basicRoleId}",                             401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("DELETE", "/api/v1/environments/{envId}/security-roles/{freshCustomRoleId}",                       401, 401, 401, 404, 204, 204, 204, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}/security-roles/{basicRoleId}/privileges",                  401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("PUT",    "/api/v1/environments/{envId}/security-roles/{customRoleId}/privileges", privileges,     401, 401, 401, 404, 200, 200, 200, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}/teams",                                                    401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("POST",   "/api/v1/environments/{envId}/teams", newTeam,                                           401, 401, 401, 404, 201, 201, 201, 403, 403, 403, 403, 403)
                .row("POST",   "/api/v1/environments/{envId}/teams/{freshTeamId}/roles", basicUserRole,                 401, 401, 401, 404, 201, 201, 201, 403, 403, 403, 403, 403)
                // A user may always list their own roles.
                .row("GET",    "/api/v1/environments/{envId}/users/{basicUserId}/roles",                                401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",    "/api/v1/environments/{envId}/users/{noRoleUserId}/roles",                               401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 200)
                .row("POST",   "/api/v1/environments/{envId}/users/{freshUserId}/roles", basicUserRole,                 401, 401, 401, 404, 201, 201, 201, 403, 403, 403, 403, 403)
                // Delegated Mailbox Approver: GlobalAdministrator or ExchangeAdministrator (0x80090904), not System Administrator.
                .row("POST",   "/api/v1/environments/{envId}/users/{freshUserId}/roles", delegatedApproverRole,         401, 401, 401, 404, 201, 403, 201, 201, 201, 403, 403, 403)
                .row("DELETE", "/api/v1/environments/{envId}/users/{freshBasicUserId}/roles/{basicRoleId}",             401, 401, 401, 404, 204, 204, 204, 403, 403, 403, 403, 403)
                .row("GET",    "/api/v1/environments/{envId}/approvals",                                                401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",    "/api/v1/environments/{envId}/mailboxes/{mailboxId}/approval-history",                   401, 401, 401, 404, 200, 200, 200, 200, 200, 200, 200, 403)
                .row("GET",    "/api/v1/environments/{envId}/mailboxes/{unknownMailboxId}/approval-history",            401, 401, 401, 404, 404, 404, 404, 404, 404, 404, 404, 403)
                // SPEC §5 R1 (ONLINE, Exchange Online profile): System Administrator and GA / EA / DMA; service tokens hold no role.
                .row("POST",   "/api/v1/environments/{envId}/mailboxes/{freshExchangeOnlineMailbox}/approve",           401, 401, 401, 404, 403, 403, 200, 403, 403, 403, 403, 403)
                .row("POST",   "/api/v1/environments/{envId}/mailboxes/{freshExchangeOnlineMailbox}/reject",            401, 401, 401, 404, 403, 403, 200, 403, 403, 403, 403, 403)
                .row("PATCH",  "/api/v1/environments/{envId}/mailboxes/{freshExchangeOnlineMailbox}/approval", programmatic, 401, 401, 401, 404, 403, 403, 200, 403, 403, 403, 403, 403)
                // SPEC §5 R2 (ONLINE, on-premises profile): System Administrator.
                .row("POST",   "/api/v1/environments/{envId}/mailboxes/{freshOnPremisesMailbox}/approve",               401, 401, 401, 404, 403, 200, 200, 403, 403, 403, 403, 403)
                // Internal: the self-approval of Test & Enable, service tokens only; anyone else 403, whatever the tenant.
                .row("POST",   "/api/v1/internal/mailboxes/{mailboxId}/self-approve-via-test", selfApprovalRun,         401, 401, 401, 403, 200, 403, 403, 403, 403, 403, 403, 403);
        table.assertAll();
    }
}
