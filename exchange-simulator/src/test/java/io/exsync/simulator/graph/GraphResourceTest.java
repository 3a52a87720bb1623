package io.exsync.simulator.graph;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.exsync.simulator.SimulatorFixtures.behavior;
import static io.exsync.simulator.SimulatorFixtures.mailbox;
import static io.exsync.simulator.SimulatorFixtures.putScenario;
import static io.exsync.simulator.SimulatorFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class GraphResourceTest {

    private String token;

    @BeforeEach
    void scenario() {
        putScenario(0,
                mailbox("ada@contoso.com", behavior("ok")),
                mailbox("unauth@contoso.com", behavior("unauthorized")),
                mailbox("gone@contoso.com", behavior("not_found")),
                mailbox("nolicense@contoso.com", behavior("no_exchange_license")),
                mailbox("denied@contoso.com", behavior("impersonation_denied")),
                mailbox("busy@contoso.com", behavior("throttle", "times", 2, "retryAfterSeconds", 7)),
                mailbox("flaky@contoso.com", behavior("flaky", "times", 1)),
                mailbox("down@contoso.com", behavior("down")),
                mailbox("slow@contoso.com", behavior("slow", "latencyMs", 300)),
                mailbox("tls@contoso.com", behavior("tls_error")),
                mailbox("actdown@contoso.com", behavior("down", "workloads", List.of("act"))));
        token = token();
    }

    private ValidatableResponse get(String path) {
        return given().auth().oauth2(token).get("/v1.0/users/" + path).then();
    }

    @Test
    void answersEveryTestAndEnableEndpointForAnOkMailbox() {
        String id = get("ada@contoso.com").statusCode(200)
                .body("userPrincipalName", equalTo("ada@contoso.com"))
                .body("mail", equalTo("ada@contoso.com"))
                .extract().path("id");
        get(id).statusCode(200).body("userPrincipalName", equalTo("ada@contoso.com"));
        get("ada@contoso.com/mailFolders/inbox").statusCode(200).body("displayName", equalTo("Inbox"));
        given().auth().oauth2(token).queryParam("$top", 1).get("/v1.0/users/ada@contoso.com/messages")
                .then().statusCode(200).body("value", hasSize(0));
        get("ada@contoso.com/mailboxSettings").statusCode(200).body("timeZone", equalTo("UTC"));
        get("ada@contoso.com/calendar").statusCode(200).body("isDefaultCalendar", equalTo(true));
        given().auth().oauth2(token).queryParam("$top", 1).get("/v1.0/users/ada@contoso.com/contacts")
                .then().statusCode(200).body("value", hasSize(0));
        get("ada@contoso.com/todo/lists").statusCode(200).body("value[0].wellknownListName", equalTo("defaultList"));
    }

    @Test
    void rejectsMissingAndForgedTokensWithInvalidAuthenticationToken() {
        given().get("/v1.0/users/ada@contoso.com/mailFolders/inbox").then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"))
                .body("error.innerError.request-id", notNullValue())
                .body("error.innerError.date", notNullValue());
        given().auth().oauth2(token + "x").get("/v1.0/users/ada@contoso.com").then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @Test
    void echoesClientRequestIdInErrors() {
        given().auth().oauth2(token).header("client-request-id", "abc-123")
                .get("/v1.0/users/gone@contoso.com/mailFolders/inbox").then().statusCode(404)
                .body("error.innerError.client-request-id", equalTo("abc-123"));
    }

    @Test
    void mapsPermanentBehavioursToGraphErrors() {
        get("unauth@contoso.com/mailFolders/inbox").statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        get("gone@contoso.com/mailFolders/inbox").statusCode(404).body("error.code", equalTo("ResourceNotFound"));
        get("nobody@contoso.com/calendar").statusCode(404).body("error.code", equalTo("ResourceNotFound"));
        get("nolicense@contoso.com").statusCode(200);
        get("nolicense@contoso.com/messages").statusCode(404).body("error.code", equalTo("MailboxNotEnabledForRESTAPI"));
        get("denied@contoso.com/calendar").statusCode(403).body("error.code", equalTo("ErrorAccessDenied"));
    }

    @Test
    void hidesMailboxesOfAnotherTenant() {
        get("eve@fabrikam.com/mailFolders/inbox").statusCode(404).body("error.code", equalTo("ResourceNotFound"));
    }

    @Test
    void throttlesTheFirstTimesRequestsWithRetryAfterThenAnswers() {
        get("busy@contoso.com/mailFolders/inbox").statusCode(429).header("Retry-After", "7")
                .body("error.code", equalTo("ApplicationThrottled"));
        get("busy@contoso.com/calendar").statusCode(429);
        get("busy@contoso.com/mailFolders/inbox").statusCode(200);
    }

    @Test
    void flakyFailsTimesThenRecoversWhileDownNeverDoes() {
        get("flaky@contoso.com/mailboxSettings").statusCode(503).body("error.code", equalTo("ServiceUnavailable"));
        get("flaky@contoso.com/mailboxSettings").statusCode(200);
        for (int i = 0; i < 3; i++) {
            get("down@contoso.com/mailFolders/inbox").statusCode(503);
        }
    }

    @Test
    void limitsABehaviourToItsWorkloads() {
        get("actdown@contoso.com/mailFolders/inbox").statusCode(200);
        get("actdown@contoso.com/mailboxSettings").statusCode(200);
        get("actdown@contoso.com/calendar").statusCode(503);
        get("actdown@contoso.com/todo/lists").statusCode(503);
    }

    @Test
    void slowMailboxAnswersAfterItsLatency() {
        long started = System.nanoTime();
        get("slow@contoso.com/mailFolders/inbox").statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250);
    }

    @Test
    void tlsErrorEndsTheConnectionWithoutAnAnswer() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1.0/users/tls@contoso.com/mailFolders/inbox"))
                .header("Authorization", "Bearer " + token).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
    }
}
