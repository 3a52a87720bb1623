package io.exsync.approval.rest;

import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.exsync.approval.rest.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** SPEC §5 "Delegated Mailbox Approver": codes, messages and the order team → caller → version. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class DelegatedMailboxApproverTest {

    static final String TEAM_MESSAGE =
            "Failed to add role Delegated Mailbox Approver: CannotAssignDelegatedMailboxApproverRoleToTeam";
    static final String CALLER_MESSAGE = "You must be an Office 365 Global Administrator or an Exchange "
            + "Administrator to assign the Delegated Mailbox Approver role.";

    @Test
    void rejectsDelegatedApproverRoleForTeamsBeforeAnyOtherCheck() {
        Fixtures.Env below = Fixtures.environment("ONLINE", Fixtures.BELOW_GATE);
        String team = as(below.adminToken()).body(Map.of("name", "Approvers")).post(below.path("/teams")).then()
                .statusCode(201).extract().path("id");
        String role = Fixtures.roleId(below, "Delegated Mailbox Approver");
        // Below the gate and without a tenant administrator role: still the team answer first.
        String systemAdministratorAlone = Fixtures.token(below.adminId(), below.tenant());
        for (String token : new String[]{systemAdministratorAlone, below.adminToken()}) {
            as(token).body(Map.of("roleId", role)).post(below.path("/teams/" + team + "/roles")).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("0x80090905")).body("detail", equalTo(TEAM_MESSAGE));
        }
        as(below.adminToken()).body(Map.of("roleId", Fixtures.roleId(below, "Basic User")))
                .post(below.path("/teams/" + team + "/roles")).then().statusCode(201);
    }

    @Test
    void onlyGlobalOrExchangeAdministratorsMayAssignIt() {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        String role = Fixtures.roleId(env, "Delegated Mailbox Approver");
        String systemAdministratorAlone = Fixtures.token(env.adminId(), env.tenant());
        as(systemAdministratorAlone).body(Map.of("roleId", role)).post(env.path("/users/" + UUID.randomUUID()
                        + "/roles")).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("0x80090904")).body("detail", equalTo(CALLER_MESSAGE));
        String serviceAdministrator = Fixtures.token(env.adminId(), env.tenant(), Fixtures.SERVICE_ADMIN);
        as(serviceAdministrator).body(Map.of("roleId", role)).post(env.path("/users/" + UUID.randomUUID()
                + "/roles")).then().statusCode(403).body("code", equalTo("0x80090904"));

        UUID viaExchangeAdmin = UUID.randomUUID();
        as(Fixtures.token(env.adminId(), env.tenant(), Fixtures.EXCHANGE)).body(Map.of("roleId", role))
                .post(env.path("/users/" + viaExchangeAdmin + "/roles")).then().statusCode(201)
                .body("roleName", equalTo("Delegated Mailbox Approver"));
        UUID viaGlobalAdmin = UUID.randomUUID();
        as(env.adminToken()).body(Map.of("roleId", role)).post(env.path("/users/" + viaGlobalAdmin + "/roles"))
                .then().statusCode(201);
        // Revoking it follows the same rule.
        as(systemAdministratorAlone).delete(env.path("/users/" + viaGlobalAdmin + "/roles/" + role)).then()
                .statusCode(403).body("code", equalTo("0x80090904"));
        as(env.adminToken()).delete(env.path("/users/" + viaGlobalAdmin + "/roles/" + role)).then().statusCode(204);
    }

    @Test
    void theCallerIsCheckedBeforeTheVersionGate() {
        Fixtures.Env below = Fixtures.environment("ONLINE", "9.2.22104.169");
        String role = Fixtures.roleId(below, "Delegated Mailbox Approver");
        as(Fixtures.token(below.adminId(), below.tenant())).body(Map.of("roleId", role))
                .post(below.path("/users/" + UUID.randomUUID() + "/roles")).then().statusCode(403)
                .body("code", equalTo("0x80090904"));
        as(below.adminToken()).body(Map.of("roleId", role)).post(below.path("/users/" + UUID.randomUUID() + "/roles"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("DelegatedMailboxApproverNotAvailable"));
    }

    @Test
    void theRoleIsListedInEveryEnvironmentAndAssignableFromTheGateOn() {
        for (String version : new String[]{"9.2.22104.170", "9.10.0.0", "10"}) {
            Fixtures.Env env = Fixtures.environment("ON_PREMISES", version);
            Fixtures.assign(env, UUID.randomUUID(), Fixtures.roleId(env, "Delegated Mailbox Approver"));
        }
        Fixtures.Env below = Fixtures.environment("ON_PREMISES", "9.2.22103.99999");
        as(below.adminToken()).get(below.path("/security-roles")).then().statusCode(200)
                .body("items.name", hasItems("Delegated Mailbox Approver"));
    }

    @Test
    void theRoleCountsOnlyInTheEnvironmentWhereItIsHeld() {
        String tenant = Fixtures.tenant();
        Fixtures.Env first = Fixtures.environment(tenant, "ONLINE", Fixtures.GATE);
        Fixtures.Env second = Fixtures.environment(tenant, "ONLINE", Fixtures.GATE);
        UUID approver = UUID.randomUUID();
        Fixtures.assign(first, approver, Fixtures.roleId(first, "Delegated Mailbox Approver"));
        Fixtures.assign(first, approver, Fixtures.roleId(first, "System Administrator"));
        Fixtures.assign(second, approver, Fixtures.roleId(second, "System Administrator"));
        String token = Fixtures.token(approver, tenant);
        UUID inSecond = Fixtures.mailbox(second, "EXCHANGE_ONLINE");
        as(token).post(second.path("/mailboxes/" + inSecond + "/approve")).then().statusCode(403);
        UUID inFirst = Fixtures.mailbox(first, "EXCHANGE_ONLINE");
        as(token).post(first.path("/mailboxes/" + inFirst + "/approve")).then().statusCode(200)
                .body("path", equalTo("DELEGATED_APPROVER")).body("rule", equalTo("R1"));
    }
}
