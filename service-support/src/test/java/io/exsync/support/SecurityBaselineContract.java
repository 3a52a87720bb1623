package io.exsync.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The security and error baseline every service must meet (issue: foundation, point 4 and acceptance 5).
 * A service runs it against itself with {@code @QuarkusTest class SecurityBaselineTest extends SecurityBaselineContract {}}.
 */
public abstract class SecurityBaselineContract {

    private static final String TENANT = "contoso-tenant";

    @Test
    void acceptsATokenMintedByTheExsyncScript() {
        String sub = UUID.randomUUID().toString();
        String token = TestTokens.exsyncToken("--sub", sub, "--tid", TENANT, "--groups",
                "GlobalAdministrator,ExchangeAdministrator", "--ctx", "workflow");
        given().auth().oauth2(token).get("/api/v1/session").then()
                .statusCode(200)
                .body("userId", equalTo(sub))
                .body("tenantId", equalTo(TENANT))
                .body("groups", hasItems("GlobalAdministrator", "ExchangeAdministrator"))
                .body("automationContext", equalTo("workflow"))
                .body("service", equalTo(false));
    }

    @Test
    void acceptsAServiceTokenMintedByTheExsyncScript() {
        String token = TestTokens.exsyncToken("--service", "--tid", TENANT);
        given().auth().oauth2(token).get("/api/v1/session").then()
                .statusCode(200)
                .body("service", equalTo(true))
                .body("groups", hasItems("Service"));
    }

    @Test
    void rejectsARequestWithoutAToken() {
        unauthorized(given().get("/api/v1/session").then());
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = TestTokens.exsyncToken("--sub", UUID.randomUUID().toString(), "--tid", TENANT,
                "--expires-in", "-120");
        unauthorized(given().auth().oauth2(token).get("/api/v1/session").then());
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        String token = TestTokens.signWithForeignKey(TestTokens.claims(UUID.randomUUID().toString(), TENANT, 600));
        unauthorized(given().auth().oauth2(token).get("/api/v1/session").then());
    }

    @Test
    void rejectsATokenWithoutSub() {
        String token = TestTokens.signWithDevKey(TestTokens.claims(null, TENANT, 600));
        unauthorized(given().auth().oauth2(token).get("/api/v1/session").then());
    }

    @Test
    void rejectsATokenWithoutTenant() {
        String token = TestTokens.signWithDevKey(TestTokens.claims(UUID.randomUUID().toString(), null, 600));
        unauthorized(given().auth().oauth2(token).get("/api/v1/session").then());
    }

    @Test
    void rejectsGarbageInsteadOfAToken() {
        unauthorized(given().auth().oauth2("not.a.jwt").get("/api/v1/session").then());
    }

    @Test
    void refusesABodyOverOneMebibyteWithAProblemBody() {
        String token = TestTokens.exsyncToken("--sub", UUID.randomUUID().toString(), "--tid", TENANT);
        String body = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/session").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("code", equalTo("PayloadTooLarge"));
    }

    @Test
    void answersAnUnknownPathWithAProblemBody() {
        String token = TestTokens.exsyncToken("--sub", UUID.randomUUID().toString(), "--tid", TENANT);
        given().auth().oauth2(token).get("/api/v1/no-such-resource").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NotFound"))
                .body(not(containsString("Exception")));
    }

    @Test
    void servesOpenApiHealthAndMetrics() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/session"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("exsync_outbox_lag_seconds"))
                .body(containsString("exsync_outbox_published_total"));
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("code", equalTo("Unauthorized"))
                .body(not(containsString("Exception")));
    }
}
