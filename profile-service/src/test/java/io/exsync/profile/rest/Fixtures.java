package io.exsync.profile.rest;

import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Callers and environments for the profile-service tests. Every test makes its own tenant and users. */
final class Fixtures {

    static final String PROFILE_TOPIC = TestTopics.PREFIX + "profile.events";
    static final String APPROVAL_TOPIC = TestTopics.PREFIX + "approval.events";
    static final String VERSION = "9.2.22104.00170";

    private Fixtures() {
    }

    static String tenant() {
        return "tenant-" + UUID.randomUUID();
    }

    static String token(UUID sub, String tenant, String groups) {
        return groups == null || groups.isEmpty()
                ? TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant)
                : TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant, "--groups", groups);
    }

    static String serviceToken() {
        return TestTokens.exsyncToken("--service", "--tid", "exsync-services");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** An environment created by a Global Administrator, who becomes its System Administrator. */
    record Env(UUID id, String tenant, UUID adminId, String adminToken) {
        String path(String suffix) {
            return "/api/v1/environments/" + id + suffix;
        }
    }

    static Env environment(String deployment, boolean exchangeOnlineInSameTenant) {
        return environment(deployment, VERSION, exchangeOnlineInSameTenant);
    }

    static Env environment(String deployment, String version, boolean exchangeOnlineInSameTenant) {
        String tenant = tenant();
        UUID admin = UUID.randomUUID();
        String token = token(admin, tenant, "GlobalAdministrator");
        String id = as(token).body(Map.of("name", "Contoso " + deployment, "tenantId", tenant,
                        "deployment", deployment, "version", version,
                        "exchangeOnlineTenantId", exchangeOnlineInSameTenant ? tenant : "elsewhere"))
                .post("/api/v1/environments").then().statusCode(201).extract().path("id");
        return new Env(UUID.fromString(id), tenant, admin, token);
    }

    static Map<String, Object> exchangeServerProfile(String name) {
        return Map.of("name", name, "serverType", "EXCHANGE_SERVER",
                "credentials", Map.of("username", "svc-exsync@contoso.com", "password", "P@ss-" + UUID.randomUUID()));
    }

    static String createProfile(Env env, Map<String, Object> body) {
        return as(env.adminToken()).body(body).post(env.path("/profiles")).then().statusCode(201)
                .extract().path("id");
    }
}
