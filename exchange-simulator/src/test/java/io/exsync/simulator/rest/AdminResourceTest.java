package io.exsync.simulator.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.exsync.simulator.SimulatorFixtures.TENANT;
import static io.exsync.simulator.SimulatorFixtures.behavior;
import static io.exsync.simulator.SimulatorFixtures.mailbox;
import static io.exsync.simulator.SimulatorFixtures.putScenario;
import static io.exsync.simulator.SimulatorFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AdminResourceTest {

    @Test
    void rejectsAnInvalidScenarioWithEveryViolation() {
        Map<String, Object> scenario = Map.of(
                "latencyMs", -1,
                "tenants", List.of(Map.of("id", "t", "apps", List.of(Map.of("clientId", "a")))),
                "mailboxes", List.of(
                        Map.of("email", "not-an-email", "tenant", "t", "password", "pw"),
                        Map.of("email", "x@contoso.com", "tenant", "nowhere", "password", "pw",
                                "behavior", Map.of("kind", "explode")),
                        Map.of("email", "y@contoso.com", "tenant", "t", "password", "pw",
                                "behavior", Map.of("kind", "throttle", "times", -2, "workloads", List.of("mail")))));
        given().contentType(ContentType.JSON).body(scenario).put("/admin/scenario")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("ValidationFailed"))
                .body("type", startsWith("https://"))
                .body("title", equalTo("Bad Request"))
                .body("violations.field", containsInAnyOrder("latencyMs", "tenants[0].apps[0].clientSecret",
                        "mailboxes[0].email", "mailboxes[1].tenant", "mailboxes[1].behavior.kind",
                        "mailboxes[2].behavior.times", "mailboxes[2].behavior.workloads[0]"));
    }

    @Test
    void rejectsMalformedJsonAsProblem() {
        given().contentType(ContentType.JSON).body("{\"tenants\": [").put("/admin/scenario")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("ValidationFailed"));
    }

    @Test
    void generatesExactMixCountsDeterministically() {
        putScenario(0);
        Map<String, Object> request = Map.of("tenant", TENANT, "count", 100, "domain", "load.test", "password", "pw",
                "mix", Map.of("ok", 0.8, "throttle", 0.1, "down", 0.05, "slow", 0.05), "seed", 7);
        JsonPath first = given().contentType(ContentType.JSON).body(request).post("/admin/scenario/generate")
                .then().statusCode(200).extract().jsonPath();
        List<String> emails = first.getList("mailboxes.email");
        List<String> kinds = first.getList("mailboxes.behavior.kind");
        assertThat(emails).hasSize(100).first().isEqualTo("user1@load.test");
        assertThat(emails.get(99)).isEqualTo("user100@load.test");
        Map<String, Long> counts = kinds.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(counts).containsEntry("ok", 80L).containsEntry("throttle", 10L)
                .containsEntry("down", 5L).containsEntry("slow", 5L);

        List<String> again = given().contentType(ContentType.JSON).body(request).post("/admin/scenario/generate")
                .then().statusCode(200).extract().jsonPath().getList("mailboxes.behavior.kind");
        assertThat(again).isEqualTo(kinds);

        // Generated mailboxes are live: a down one answers 503 on Graph.
        String down = emails.get(kinds.indexOf("down"));
        given().auth().oauth2(token()).get("/v1.0/users/" + down + "/mailFolders/inbox").then().statusCode(503);
    }

    @Test
    void rejectsGenerateForUnknownTenantAndKind() {
        putScenario(0);
        given().contentType(ContentType.JSON)
                .body(Map.of("tenant", "nowhere", "count", 0, "domain", "x.test", "password", "pw", "mix", Map.of("boom", 1)))
                .post("/admin/scenario/generate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("tenant", "count", "mix.boom"));
    }

    @Test
    void infoReportsTheBoundPorts() {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        given().get("/admin/info").then().statusCode(200)
                .body("httpPort", equalTo(RestAssured.port))
                .body("graphBaseUrl", equalTo(base))
                .body("ewsUrl", equalTo(base + "/EWS/Exchange.asmx"))
                .body("autodiscoverUrl", equalTo(base + "/autodiscover/autodiscover.svc"))
                .body("authorityHost", equalTo(base))
                .body("imapPort", greaterThan(0))
                .body("smtpPort", greaterThan(0))
                .body("pop3Port", greaterThan(0));
    }

    @Test
    void resetClearsCountersAndRestartsTimes() {
        putScenario(0, mailbox("busy@contoso.com", behavior("throttle", "times", 1, "retryAfterSeconds", 1)));
        String token = token();
        String inbox = "/v1.0/users/busy@contoso.com/mailFolders/inbox";
        given().auth().oauth2(token).get(inbox).then().statusCode(429);
        given().auth().oauth2(token).get(inbox).then().statusCode(200);
        given().get("/admin/stats").then().statusCode(200)
                .body("requests", equalTo(3))
                .body("byMailbox.'busy@contoso.com'.requests", equalTo(2))
                .body("byApp.'exsync-app'.requests", equalTo(3))
                .body("byEndpoint.'graph.inbox'.requests", equalTo(2))
                .body("byEndpoint.token.requests", equalTo(1));

        given().post("/admin/reset").then().statusCode(204);
        given().get("/admin/stats").then().statusCode(200).body("requests", equalTo(0));
        given().auth().oauth2(token).get(inbox).then().statusCode(429);
    }

    @Test
    void statsRecordTheHighestNumberOfParallelRequests() {
        putScenario(0, mailbox("slow@contoso.com", behavior("slow", "latencyMs", 800)),
                mailbox("ada@contoso.com", behavior("ok")));
        String token = token();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 4)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                + "/v1.0/users/slow@contoso.com/calendar")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        given().auth().oauth2(token).get("/v1.0/users/ada@contoso.com/calendar").then().statusCode(200);

        given().get("/admin/stats").then().statusCode(200)
                .body("byMailbox.'slow@contoso.com'.requests", equalTo(4))
                .body("byMailbox.'slow@contoso.com'.maxConcurrent", equalTo(4))
                .body("byMailbox.'ada@contoso.com'.maxConcurrent", equalTo(1))
                .body("byApp.'exsync-app'.maxConcurrent", equalTo(4))
                .body("byEndpoint.'graph.calendar'.requests", equalTo(5));
    }
}
