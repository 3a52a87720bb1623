package io.exsync.approval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.EventJson;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.approval.rest.Fixtures.as;
import static io.exsync.events.testing.PlainConsumer.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SecurityRoleResourceTest {

    @Test
    void aRegisteredEnvironmentGetsTheBuiltInRolesAndItsCreatorBecomesSystemAdministratorOnce() throws Exception {
        UUID envId = UUID.randomUUID();
        UUID creator = UUID.randomUUID();
        String tenant = Fixtures.tenant();
        EnvironmentRegistered registered = new EnvironmentRegistered(envId, tenant, "Contoso", "ONLINE",
                Fixtures.GATE, tenant, creator);
        UUID ceId = UUID.randomUUID();
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            Fixtures.publishWithId(registered, ceId);
            Fixtures.publishWithId(registered, ceId);
            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> r.key().equals(creator.toString()), 2, Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(header(event, "ce_type")).isEqualTo("io.exsync.role.assigned.v1");
            assertThat(header(event, "ce_subject")).isEqualTo(creator.toString());
            assertThat(header(event, "ce_source")).isEqualTo("/approval-service");
            assertThat(header(event, "exsync_environment")).isEqualTo(envId.toString());
            JsonNode body = EventJson.parse(event.value());
            assertThat(body.get("environmentId").asText()).isEqualTo(envId.toString());
            assertThat(body.get("principalType").asText()).isEqualTo("USER");
            assertThat(body.get("principalId").asText()).isEqualTo(creator.toString());
            assertThat(body.get("roleName").asText()).isEqualTo("System Administrator");
        }
        String token = Fixtures.token(creator, tenant);
        as(token).get("/api/v1/environments/" + envId + "/security-roles").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.name", containsInAnyOrder("System Administrator", "Delegated Mailbox Approver",
                        "Basic User"))
                .body("items.builtIn", hasItems(true));
        String systemAdministrator = roleNamed(envId, token, "System Administrator");
        as(token).get("/api/v1/environments/" + envId + "/security-roles/" + systemAdministrator + "/privileges")
                .then().statusCode(200)
                .body("privileges.name", hasItems("ApproveEmailAddressesForUsersOrQueues", "MailboxWrite"))
                .body("privileges.depth", org.hamcrest.Matchers.everyItem(equalTo("ORGANIZATION")));
        as(token).get("/api/v1/environments/" + envId + "/security-roles/"
                        + roleNamed(envId, token, "Delegated Mailbox Approver") + "/privileges").then()
                .body("privileges", hasSize(1))
                .body("privileges[0].name", equalTo("ApproveEmailAddressesForUsersOrQueues"))
                .body("privileges[0].depth", equalTo("ORGANIZATION"));
        as(token).get("/api/v1/environments/" + envId + "/security-roles/" + roleNamed(envId, token, "Basic User")
                        + "/privileges").then()
                .body("privileges", hasSize(1))
                .body("privileges[0].name", equalTo("MailboxWrite"))
                .body("privileges[0].depth", equalTo("USER"));
        as(token).get("/api/v1/environments/" + envId + "/users/" + creator + "/roles").then().statusCode(200)
                .body("items.name", containsInAnyOrder("System Administrator"));
    }

    @Test
    void builtInRolesCanBeNeitherChangedNorDeleted() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        for (String name : List.of("System Administrator", "Delegated Mailbox Approver", "Basic User")) {
            String id = Fixtures.roleId(env, name);
            as(env.adminToken()).body(Map.of("privileges", List.of(Map.of("name", "MailboxRead", "depth", "USER"))))
                    .put(env.path("/security-roles/" + id + "/privileges")).then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("BuiltInRoleNotModifiable"));
            as(env.adminToken()).delete(env.path("/security-roles/" + id)).then().statusCode(409)
                    .body("code", equalTo("BuiltInRoleNotDeletable"));
        }
    }

    @Test
    void customRolesAreCreatedChangedAndDeletedBySystemAdministrators() throws Exception {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        var created = as(env.adminToken()).body(Map.of("name", "Mailbox Clerks"))
                .post(env.path("/security-roles")).then().statusCode(201)
                .header("Location", startsWith("http")).body("builtIn", equalTo(false)).extract();
        String id = created.path("id");
        as(env.adminToken()).body(Map.of("name", "mailbox clerks")).post(env.path("/security-roles")).then()
                .statusCode(409).body("code", equalTo("RoleNameTaken"));
        as(env.adminToken()).body(Map.of("privileges", List.of(
                        Map.of("name", "MailboxWrite", "depth", "USER"),
                        Map.of("name", "ApproveEmailAddressesForUsersOrQueues", "depth", "ORGANIZATION"))))
                .put(env.path("/security-roles/" + id + "/privileges")).then().statusCode(200)
                .body("privileges", hasSize(2));
        as(env.adminToken()).get(env.path("/security-roles/" + id + "/privileges")).then()
                .body("privileges.name", containsInAnyOrder("MailboxWrite", "ApproveEmailAddressesForUsersOrQueues"));

        UUID clerk = UUID.randomUUID();
        Fixtures.assign(env, clerk, id);
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(env.adminToken()).delete(env.path("/security-roles/" + id)).then().statusCode(204);
            List<ConsumerRecord<String, String>> revoked = topic.await(r -> r.key().equals(clerk.toString()), 1,
                    Duration.ofSeconds(20));
            assertThat(revoked).hasSize(1);
            assertThat(header(revoked.get(0), "ce_type")).isEqualTo("io.exsync.role.revoked.v1");
        }
        as(env.adminToken()).get(env.path("/security-roles/" + id)).then().statusCode(404);
    }

    @Test
    void onlySystemAdministratorsOrServicesManageSecurity() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        String globalAdminWithoutRole = Fixtures.token(UUID.randomUUID(), env.tenant(), Fixtures.GLOBAL);
        as(globalAdminWithoutRole).get(env.path("/security-roles")).then().statusCode(200);
        as(globalAdminWithoutRole).body(Map.of("name", "Nope")).post(env.path("/security-roles")).then()
                .statusCode(403).body("code", equalTo("Forbidden"))
                .body("detail", startsWith("The System Administrator role"));
        as(globalAdminWithoutRole).body(Map.of("name", "Nope")).post(env.path("/teams")).then().statusCode(403);
        as(globalAdminWithoutRole).body(Map.of("roleId", Fixtures.roleId(env, "Basic User")))
                .post(env.path("/users/" + UUID.randomUUID() + "/roles")).then().statusCode(403);
        as(Fixtures.serviceToken()).body(Map.of("name", "Made by a service")).post(env.path("/security-roles"))
                .then().statusCode(201);

        String nobody = Fixtures.token(UUID.randomUUID(), env.tenant());
        as(nobody).get(env.path("/security-roles")).then().statusCode(403);
        as(nobody).get(env.path("/approvals")).then().statusCode(403);
        String exchangeAdmin = Fixtures.token(UUID.randomUUID(), env.tenant(), Fixtures.EXCHANGE);
        as(exchangeAdmin).get(env.path("/approvals")).then().statusCode(200);
    }

    @Test
    void rolesAreAssignedToUsersAndTeamsAndRevokedWithEvents() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        String basicUser = Fixtures.roleId(env, "Basic User");
        UUID user = UUID.randomUUID();
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(env.adminToken()).body(Map.of("roleId", basicUser)).post(env.path("/users/" + user + "/roles")).then()
                    .statusCode(201).header("Location", startsWith("http"))
                    .body("principalType", equalTo("USER")).body("roleName", equalTo("Basic User"));
            as(env.adminToken()).body(Map.of("roleId", basicUser)).post(env.path("/users/" + user + "/roles")).then()
                    .statusCode(200);
            as(Fixtures.token(user, env.tenant())).get(env.path("/users/" + user + "/roles")).then().statusCode(200)
                    .body("items.name", containsInAnyOrder("Basic User")).body("total", equalTo(1));
            as(env.adminToken()).delete(env.path("/users/" + user + "/roles/" + basicUser)).then().statusCode(204);
            as(env.adminToken()).delete(env.path("/users/" + user + "/roles/" + basicUser)).then().statusCode(404);

            String team = as(env.adminToken()).body(Map.of("name", "Helpdesk")).post(env.path("/teams")).then()
                    .statusCode(201).header("Location", startsWith("http")).extract().path("id");
            as(env.adminToken()).body(Map.of("name", "helpdesk")).post(env.path("/teams")).then().statusCode(409)
                    .body("code", equalTo("TeamNameTaken"));
            as(env.adminToken()).body(Map.of("roleId", basicUser)).post(env.path("/teams/" + team + "/roles")).then()
                    .statusCode(201).body("principalType", equalTo("TEAM"));

            // Order holds per key (user, team), not across keys.
            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> r.key().equals(user.toString()) || r.key().equals(team), 4, Duration.ofSeconds(10));
            assertThat(events.stream().filter(r -> r.key().equals(user.toString())).map(r -> header(r, "ce_type")))
                    .containsExactly("io.exsync.role.assigned.v1", "io.exsync.role.revoked.v1");
            List<ConsumerRecord<String, String>> teamEvents = events.stream().filter(r -> r.key().equals(team))
                    .toList();
            assertThat(teamEvents).extracting(r -> header(r, "ce_type")).containsExactly("io.exsync.role.assigned.v1");
            assertThat(EventJson.parse(teamEvents.get(0).value()).get("principalType").asText()).isEqualTo("TEAM");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLastSystemAdministratorKeepsTheRole() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        String systemAdministrator = Fixtures.roleId(env, "System Administrator");
        as(env.adminToken()).delete(env.path("/users/" + env.adminId() + "/roles/" + systemAdministrator)).then()
                .statusCode(409).body("code", equalTo("LastSystemAdministrator"));
        UUID second = UUID.randomUUID();
        Fixtures.assign(env, second, systemAdministrator);
        as(env.adminToken()).delete(env.path("/users/" + env.adminId() + "/roles/" + systemAdministrator)).then()
                .statusCode(204);
    }

    @Test
    void anotherTenantNeverLearnsThatTheEnvironmentExists() {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        UUID mailbox = Fixtures.mailbox(env, "EXCHANGE_ONLINE");
        String stranger = Fixtures.token(env.adminId(), Fixtures.tenant(), Fixtures.GLOBAL, Fixtures.EXCHANGE);
        String role = Fixtures.roleId(env, "Basic User");
        as(stranger).get(env.path("/security-roles")).then().statusCode(404).body("code", equalTo("NotFound"));
        as(stranger).body(Map.of("name", "x")).post(env.path("/security-roles")).then().statusCode(404);
        as(stranger).get(env.path("/security-roles/" + role + "/privileges")).then().statusCode(404);
        as(stranger).body(Map.of("name", "x")).post(env.path("/teams")).then().statusCode(404);
        as(stranger).body(Map.of("roleId", role)).post(env.path("/users/" + UUID.randomUUID() + "/roles")).then()
                .statusCode(404);
        as(stranger).get(env.path("/users/" + env.adminId() + "/roles")).then().statusCode(404);
        as(stranger).get(env.path("/approvals?status=PENDING_APPROVAL")).then().statusCode(404);
        as(stranger).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(404);
        as(stranger).post(env.path("/mailboxes/" + mailbox + "/reject")).then().statusCode(404);
        as(stranger).body(Map.of("emailRouterAccessApproval", "APPROVED"))
                .patch(env.path("/mailboxes/" + mailbox + "/approval")).then().statusCode(404);
        as(stranger).get(env.path("/mailboxes/" + mailbox + "/approval-history")).then().statusCode(404);
        as(env.adminToken()).get(env.path("/approvals?status=PENDING_APPROVAL")).then().statusCode(200)
                .body("items.mailboxId", hasItems(mailbox.toString()));
    }

    private static String roleNamed(UUID envId, String token, String name) {
        List<Map<String, Object>> items = as(token).get("/api/v1/environments/" + envId + "/security-roles").then()
                .extract().path("items");
        return items.stream().filter(i -> name.equals(i.get("name"))).map(i -> (String) i.get("id")).findFirst()
                .orElseThrow();
    }
}
