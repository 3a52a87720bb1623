package io.exsync.simulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.exsync.simulator.SimulatorFixtures.CLIENT_ID;
import static io.exsync.simulator.SimulatorFixtures.CLIENT_SECRET;
import static io.exsync.simulator.SimulatorFixtures.GRAPH_SCOPE;
import static io.exsync.simulator.SimulatorFixtures.TENANT;
import static io.exsync.simulator.SimulatorFixtures.behavior;
import static io.exsync.simulator.SimulatorFixtures.mailbox;
import static io.exsync.simulator.SimulatorFixtures.putScenario;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TokenResourceTest {

    @BeforeEach
    void scenario() {
        putScenario(0, mailbox("ada@contoso.com", behavior("ok")));
    }

    @Test
    void issuesBearerJwtNamingTenantAndApp() throws Exception {
        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET).formParam("scope", GRAPH_SCOPE)
                .post("/" + TENANT + "/oauth2/v2.0/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3599))
                .extract().path("access_token");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("tid").asText()).isEqualTo(TENANT);
        assertThat(claims.path("appid").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.path("aud").asText()).isEqualTo("https://graph.microsoft.com");
    }

    @Test
    void acceptsClientSecretBasic() {
        given().auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "https://outlook.office365.com/.default")
                .post("/" + TENANT + "/oauth2/v2.0/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void rejectsWrongSecretAsInvalidClient() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", CLIENT_ID)
                .formParam("client_secret", "wrong").formParam("scope", GRAPH_SCOPE)
                .post("/" + TENANT + "/oauth2/v2.0/token")
                .then().statusCode(401)
                .body("error", equalTo("invalid_client"))
                .body("error_description", startsWith("AADSTS7000215: Invalid client secret provided."))
                .body("error_codes", hasItem(7000215));
    }

    @Test
    void rejectsUnknownTenant() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET).formParam("scope", GRAPH_SCOPE)
                .post("/nowhere-tenant/oauth2/v2.0/token")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("error_description", startsWith("AADSTS90002: Tenant 'nowhere-tenant' not found."));
    }

    @Test
    void rejectsUnknownAppAndScopeWithoutDefault() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "stranger")
                .formParam("client_secret", CLIENT_SECRET).formParam("scope", GRAPH_SCOPE)
                .post("/" + TENANT + "/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET).formParam("scope", "Mail.Read")
                .post("/" + TENANT + "/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void servesOpenIdConfigurationForTheTenant() {
        given().get("/" + TENANT + "/v2.0/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("token_endpoint", endsWith("/" + TENANT + "/oauth2/v2.0/token"))
                .body("issuer", endsWith("/" + TENANT + "/v2.0"));
    }
}
