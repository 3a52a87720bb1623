package io.exsync.simulator;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Builds scenarios and fetches tokens the way a client of the simulator would. */
public final class SimulatorFixtures {

    public static final String TENANT = "contoso-tenant";
    public static final String OTHER_TENANT = "fabrikam-tenant";
    public static final String CLIENT_ID = "exsync-app";
    public static final String CLIENT_SECRET = "s3cret";
    public static final String OTHER_CLIENT_ID = "fabrikam-app";
    public static final String PASSWORD = "pw";
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private SimulatorFixtures() {
    }

    /** A mailbox of {@link #TENANT} with password {@link #PASSWORD}. */
    public static Map<String, Object> mailbox(String email, Map<String, Object> behavior) {
        return Map.of("email", email, "tenant", TENANT, "password", PASSWORD, "behavior", behavior);
    }

    public static Map<String, Object> behavior(String kind, Object... keyValues) {
        Map<String, Object> behavior = new java.util.LinkedHashMap<>();
        behavior.put("kind", kind);
        for (int i = 0; i < keyValues.length; i += 2) {
            behavior.put((String) keyValues[i], keyValues[i + 1]);
        }
        return behavior;
    }

    /** Replaces the scenario with two tenants (one app each) and these mailboxes. */
    @SafeVarargs
    public static void putScenario(long latencyMs, Map<String, Object>... mailboxes) {
        List<Map<String, Object>> all = new ArrayList<>(List.of(mailboxes));
        all.add(Map.of("email", "eve@fabrikam.com", "tenant", OTHER_TENANT, "password", PASSWORD,
                "behavior", Map.of("kind", "ok")));
        Map<String, Object> scenario = Map.of(
                "latencyMs", latencyMs,
                "tenants", List.of(
                        Map.of("id", TENANT, "apps", List.of(Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET))),
                        Map.of("id", OTHER_TENANT, "apps", List.of(Map.of("clientId", OTHER_CLIENT_ID, "clientSecret", "other")))),
                "mailboxes", all);
        given().contentType(ContentType.JSON).body(scenario).put("/admin/scenario").then().statusCode(200);
    }

    public static String token() {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET)
                .formParam("scope", GRAPH_SCOPE)
                .post("/" + TENANT + "/oauth2/v2.0/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
