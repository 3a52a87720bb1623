package io.exsync.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
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

import static io.exsync.profile.rest.Fixtures.as;
import static io.exsync.profile.rest.Fixtures.environment;
import static io.exsync.profile.rest.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class EnvironmentResourceTest {

    @Test
    void anEnvironmentWithExchangeOnlineInTheSameTenantIsBornWithTheDefaultProfile() throws Exception {
        String tenant = Fixtures.tenant();
        UUID admin = UUID.randomUUID();
        String token = token(admin, tenant, "GlobalAdministrator");
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.PROFILE_TOPIC))) {
            var created = as(token).body(Map.of("name", "Contoso", "tenantId", tenant, "deployment", "ONLINE",
                            "version", "9.2.22104.00170", "exchangeOnlineTenantId", tenant))
                    .post("/api/v1/environments").then().statusCode(201)
                    .header("Location", startsWith("http"))
                    .body("tenantId", equalTo(tenant))
                    .body("deployment", equalTo("ONLINE"))
                    .body("createdBy", equalTo(admin.toString()))
                    .body("defaultProfileId", notNullValue())
                    .extract();
            String envId = created.path("id");
            String profileId = created.path("defaultProfileId");

            as(token).get("/api/v1/environments/" + envId + "/profiles").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(profileId))
                    .body("items[0].name", equalTo("Microsoft Exchange Online"))
                    .body("items[0].serverType", equalTo("EXCHANGE_ONLINE"))
                    .body("items[0].authenticationType", equalTo("SERVER_TO_SERVER"))
                    .body("items[0].protocol", equalTo("GRAPH"))
                    .body("items[0].isDefault", equalTo(true));
            as(token).get("/api/v1/environments/" + envId + "/email-settings").then().statusCode(200)
                    .body("defaultProfileId", equalTo(profileId))
                    .body("processEmailsOnlyForApprovedUsers", equalTo(true))
                    .body("processEmailsOnlyForApprovedQueues", equalTo(true))
                    .body("requirePrivilegeToSelfApproveEmailAddress", equalTo(false))
                    .body("notifyMailboxOwner", equalTo(false));

            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> envId.equals(PlainConsumer.header(r, "exsync_environment")), 4, Duration.ofSeconds(20));
            // Different keys land on different partitions: compare as a set, then by type.
            Map<String, ConsumerRecord<String, String>> byType = new java.util.HashMap<>();
            events.forEach(r -> byType.put(PlainConsumer.header(r, "ce_type"), r));
            assertThat(byType).containsOnlyKeys("io.exsync.environment.registered.v1", "io.exsync.profile.created.v1",
                    "io.exsync.profile.default-changed.v1", "io.exsync.email-settings.changed.v1");
            assertThat(PlainConsumer.header(byType.get("io.exsync.environment.registered.v1"), "ce_subject")).isEqualTo(envId);
            assertThat(PlainConsumer.header(byType.get("io.exsync.profile.created.v1"), "ce_subject")).isEqualTo(profileId);
            assertThat(PlainConsumer.header(byType.get("io.exsync.profile.default-changed.v1"), "ce_subject"))
                    .isEqualTo(profileId);
            assertThat(PlainConsumer.header(byType.get("io.exsync.email-settings.changed.v1"), "ce_subject")).isEqualTo(envId);
            JsonNode registered = EventJson.parse(byType.get("io.exsync.environment.registered.v1").value());
            assertThat(registered.get("tenantId").asText()).isEqualTo(tenant);
            assertThat(registered.get("createdBy").asText()).isEqualTo(admin.toString());
            JsonNode profileCreated = EventJson.parse(byType.get("io.exsync.profile.created.v1").value());
            assertThat(profileCreated.get("name").asText()).isEqualTo("Microsoft Exchange Online");
            assertThat(profileCreated.get("serverType").asText()).isEqualTo("EXCHANGE_ONLINE");
            assertThat(profileCreated.get("sendAlertEmailToOwner").asBoolean()).isFalse();
            assertThat(EventJson.parse(byType.get("io.exsync.email-settings.changed.v1").value())
                    .get("defaultProfileId").asText()).isEqualTo(profileId);
        }
    }

    @Test
    void anEnvironmentWithExchangeOnlineElsewhereStartsWithoutProfiles() {
        Fixtures.Env env = environment("ON_PREMISES", false);
        as(env.adminToken()).get(env.path("")).then().statusCode(200)
                .body("defaultProfileId", nullValue())
                .body("deployment", equalTo("ON_PREMISES"));
        as(env.adminToken()).get(env.path("/profiles")).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void creatingAnEnvironmentNeedsAGlobalAdministratorOfTheNamedTenant() {
        String tenant = Fixtures.tenant();
        Map<String, Object> body = Map.of("name", "X", "tenantId", tenant, "deployment", "ONLINE",
                "version", "9.2.22104.00170");
        as(token(UUID.randomUUID(), tenant, "ExchangeAdministrator")).body(body).post("/api/v1/environments")
                .then().statusCode(403).body("code", equalTo("Forbidden"));
        as(token(UUID.randomUUID(), "other-tenant", "GlobalAdministrator")).body(body).post("/api/v1/environments")
                .then().statusCode(403);
        as(Fixtures.serviceToken()).body(body).post("/api/v1/environments").then().statusCode(201);
    }

    @Test
    void anExplicitIdIsKeptAndCannotBeReused() {
        String tenant = Fixtures.tenant();
        String token = token(UUID.randomUUID(), tenant, "GlobalAdministrator");
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", id.toString(), "name", "X", "tenantId", tenant,
                "deployment", "ON_PREMISES", "version", "9.1.0.0");
        as(token).body(body).post("/api/v1/environments").then().statusCode(201).body("id", equalTo(id.toString()));
        as(token).body(body).post("/api/v1/environments").then().statusCode(409).body("code", equalTo("EnvironmentExists"));
    }

    @Test
    void anotherTenantGets404OnEveryPathOfTheEnvironment() {
        Fixtures.Env env = environment("ONLINE", true);
        String profileId = as(env.adminToken()).get(env.path("/profiles")).then().extract().path("items[0].id");
        String stranger = token(UUID.randomUUID(), Fixtures.tenant(), "GlobalAdministrator,ExchangeAdministrator");
        for (String path : List.of("", "/profiles", "/profiles/" + profileId, "/email-settings")) {
            as(stranger).get(env.path(path)).then().statusCode(404).body("code", equalTo("NotFound"));
        }
        as(stranger).body(Map.of("name", "Mine", "serverType", "EXCHANGE_ONLINE")).post(env.path("/profiles"))
                .then().statusCode(404);
        as(stranger).body(Map.of("name", "x")).patch(env.path("/profiles/" + profileId)).then().statusCode(404);
        as(stranger).delete(env.path("/profiles/" + profileId)).then().statusCode(404);
        as(stranger).post(env.path("/profiles/" + profileId + "/set-default")).then().statusCode(404);
        as(stranger).post(env.path("/profiles/" + profileId + "/test-and-enable")).then().statusCode(404);
        as(stranger).get("/api/v1/environments/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void readingNeedsARoleInTheEnvironmentOrATenantAdministratorRole() {
        Fixtures.Env env = environment("ONLINE", true);
        as(token(UUID.randomUUID(), env.tenant(), "")).get(env.path("")).then().statusCode(403)
                .body("code", equalTo("Forbidden"));
        as(token(UUID.randomUUID(), env.tenant(), "ServiceAdministrator")).get(env.path("/profiles")).then()
                .statusCode(403);
        as(token(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator")).get(env.path("/profiles")).then()
                .statusCode(200);
        // Reading is not writing: a tenant admin without the System Administrator role cannot change anything.
        as(token(UUID.randomUUID(), env.tenant(), "GlobalAdministrator"))
                .body(Fixtures.exchangeServerProfile("Not mine")).post(env.path("/profiles")).then().statusCode(403);
    }

    @Test
    void rejectsInvalidEnvironmentsWithViolations() {
        String tenant = Fixtures.tenant();
        String token = token(UUID.randomUUID(), tenant, "GlobalAdministrator");
        as(token).body(Map.of("name", "X", "tenantId", tenant, "deployment", "HYBRID", "version", "9.2"))
                .post("/api/v1/environments").then().statusCode(400).body("violations[0].field", equalTo("deployment"));
        as(token).body(Map.of("name", "X", "tenantId", tenant, "deployment", "ONLINE", "version", "nine"))
                .post("/api/v1/environments").then().statusCode(400).body("violations[0].field", equalTo("version"));
    }
}
