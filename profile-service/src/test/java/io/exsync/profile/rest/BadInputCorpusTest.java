package io.exsync.profile.rest;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.HostileBodies;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.exsync.profile.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad bodies against every write endpoint with a body (issue 9): hand-written cases get a 400 problem
 * body; the generated hostile bodies (service-support's {@code HostileBodies}) a 4xx problem body that echoes
 * nothing; nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BadInputCorpusTest {

    private static final List<String> TABLES =
            List.of("environment", "email_server_profile", "email_settings", "environment_role", "outbox_event");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyBadBodyGets400AndTheDatabaseIsUnchanged() throws Exception {
        Fixtures.Env env = Fixtures.environment("ONLINE", true);
        String profileId = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");
        String longName = "n".repeat(101);
        String huge = "h".repeat(100_000);

        Map<String, String> profileBodies = new LinkedHashMap<>();
        profileBodies.put("empty", "");
        profileBodies.put("not json", "name=x");
        profileBodies.put("truncated", "{\"name\":\"x\",");
        profileBodies.put("array", "[]");
        profileBodies.put("string", "\"profile\"");
        profileBodies.put("null", "null");
        profileBodies.put("empty object", "{}");
        profileBodies.put("missing serverType", "{\"name\":\"x\"}");
        profileBodies.put("missing name", "{\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("blank name", "{\"name\":\"  \",\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("name too long", "{\"name\":\"" + longName + "\",\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("huge name", "{\"name\":\"" + huge + "\",\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("name is a number", "{\"name\":12,\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("name is an object", "{\"name\":{\"a\":1},\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("unknown server type", "{\"name\":\"x\",\"serverType\":\"NOTES\"}");
        profileBodies.put("lower-case enum", "{\"name\":\"x\",\"serverType\":\"exchange_online\"}");
        profileBodies.put("unknown auth", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"authenticationType\":\"KERBEROS\"}");
        profileBodies.put("unknown protocol", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"protocol\":\"MAPI\"}");
        profileBodies.put("unknown authority", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"serverAuthority\":\"MARS\"}");
        profileBodies.put("unknown state", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"state\":\"DELETED\"}");
        profileBodies.put("unknown field", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"colour\":\"red\"}");
        profileBodies.put("polling -1", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"minPollingIntervalMinutes\":-1}");
        profileBodies.put("polling 1441", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"minPollingIntervalMinutes\":1441}");
        profileBodies.put("connections 0", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"maxConcurrentConnections\":0}");
        profileBodies.put("connections 301", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"maxConcurrentConnections\":301}");
        profileBodies.put("connections huge", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"maxConcurrentConnections\":99999999999999999999}");
        profileBodies.put("connections fraction", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"maxConcurrentConnections\":2.5}");
        profileBodies.put("connections string", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"maxConcurrentConnections\":\"ten\"}");
        profileBodies.put("timeout 100001", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"timeoutMailboxConnectionAfterMs\":100001}");
        profileBodies.put("timeout negative", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"timeoutMailboxConnectionAfterMs\":-5}");
        profileBodies.put("boolean as string", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"useImpersonation\":\"maybe\"}");
        profileBodies.put("bad timestamp", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"processEmailsReceivedAfter\":\"yesterday\"}");
        profileBodies.put("bad owner id", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"ownerId\":\"bob\"}");
        profileBodies.put("port 0", "{\"name\":\"x\",\"serverType\":\"IMAP_SMTP\",\"incomingServer\":{\"host\":\"h\",\"port\":0},\"outgoingServer\":{\"host\":\"h\"}}");
        profileBodies.put("host with script", "{\"name\":\"x\",\"serverType\":\"IMAP_SMTP\",\"incomingServer\":{\"host\":\"<script>\"},\"outgoingServer\":{\"host\":\"h\"}}");
        profileBodies.put("server as string", "{\"name\":\"x\",\"serverType\":\"IMAP_SMTP\",\"incomingServer\":\"imap.contoso.com\",\"outgoingServer\":{\"host\":\"h\"}}");
        profileBodies.put("password too long", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_SERVER\",\"credentials\":{\"username\":\"u\",\"password\":\"" + "p".repeat(1025) + "\"}}");
        profileBodies.put("credentials as array", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_SERVER\",\"credentials\":[\"u\",\"p\"]}");
        profileBodies.put("sql in url", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"defaultServerLocation\":\"'; drop table environment; --\"}");
        profileBodies.put("control characters", "{\"name\":\"a\\u0000b\",\"serverType\":\"EXCHANGE_ONLINE\"}");
        profileBodies.put("NUL in username", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_SERVER\",\"credentials\":{\"username\":\"\\u0000\",\"password\":\"p\"}}");
        profileBodies.put("deep nesting", "{\"name\":\"x\",\"serverType\":\"EXCHANGE_ONLINE\",\"credentials\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}");

        Map<String, String> patchBodies = new LinkedHashMap<>();
        patchBodies.put("patch not json", "{oops");
        patchBodies.put("patch array", "[{\"name\":\"x\"}]");
        patchBodies.put("patch null name", "{\"name\":null}");
        patchBodies.put("patch null serverType", "{\"serverType\":null}");
        patchBodies.put("patch unknown enum", "{\"protocol\":\"SMOKE_SIGNALS\"}");
        patchBodies.put("patch range", "{\"maxConcurrentConnections\":1000}");
        patchBodies.put("patch wrong type", "{\"useAutodiscover\":[true]}");

        Map<String, String> settingsBodies = new LinkedHashMap<>();
        settingsBodies.put("settings empty", "{}");
        settingsBodies.put("settings unknown enum", "{\"incomingDeliveryMethod\":\"PIGEON\",\"outgoingDeliveryMethod\":\"NONE\",\"actDeliveryMethod\":\"NONE\",\"processEmailsOnlyForApprovedUsers\":true,\"processEmailsOnlyForApprovedQueues\":true,\"requirePrivilegeToSelfApproveEmailAddress\":false,\"notifyMailboxOwner\":false}");
        settingsBodies.put("settings boolean as number", "{\"incomingDeliveryMethod\":\"NONE\",\"outgoingDeliveryMethod\":\"NONE\",\"actDeliveryMethod\":\"NONE\",\"processEmailsOnlyForApprovedUsers\":1,\"processEmailsOnlyForApprovedQueues\":true,\"requirePrivilegeToSelfApproveEmailAddress\":false,\"notifyMailboxOwner\":false}");

        Map<String, String> environmentBodies = new LinkedHashMap<>();
        environmentBodies.put("environment empty", "{}");
        environmentBodies.put("environment bad version", "{\"name\":\"e\",\"tenantId\":\"" + env.tenant() + "\",\"deployment\":\"ONLINE\",\"version\":\"9.2.x\"}");
        environmentBodies.put("environment bad id", "{\"id\":\"123\",\"name\":\"e\",\"tenantId\":\"" + env.tenant() + "\",\"deployment\":\"ONLINE\",\"version\":\"9.2\"}");
        environmentBodies.put("environment unknown deployment", "{\"name\":\"e\",\"tenantId\":\"" + env.tenant() + "\",\"deployment\":\"CLOUD\",\"version\":\"9.2\"}");
        environmentBodies.put("environment control characters", "{\"name\":\"\\u0000\\u0007\",\"tenantId\":\"" + env.tenant() + "\",\"deployment\":\"ONLINE\",\"version\":\"9.2\"}");

        // Generated from a valid body of each endpoint (service-support's HostileBodies), on top of the cases above.
        List<HostileBodies.Body> createProfile = HostileBodies.of("POST /profiles", Map.ofEntries(
                        Map.entry("name", "Hostile corpus"), Map.entry("serverType", "EXCHANGE_SERVER"),
                        Map.entry("authenticationType", "CREDENTIALS_IN_PROFILE"), Map.entry("protocol", "EWS"),
                        Map.entry("serverAuthority", "PUBLIC"),
                        Map.entry("defaultServerLocation", "https://mail.contoso.com/EWS/Exchange.asmx"),
                        Map.entry("useAutodiscover", false), Map.entry("useImpersonation", true),
                        Map.entry("credentials", Map.of("username", "svc@contoso.com", "password", "pw")),
                        Map.entry("minPollingIntervalMinutes", 5), Map.entry("maxConcurrentConnections", 10),
                        Map.entry("timeoutMailboxConnectionAfterMs", 1000), Map.entry("ownerId", env.adminId().toString())))
                .required("name", "serverType")
                .enums("serverType", "authenticationType", "protocol", "serverAuthority")
                .ids("ownerId")
                .plainText("name", "defaultServerLocation", "credentials.username")
                .bodies();
        List<HostileBodies.Body> patchProfile = HostileBodies.of("PATCH /profiles/{id}",
                        "{\"name\":\"Renamed\",\"protocol\":\"GRAPH\",\"maxConcurrentConnections\":20,\"useImpersonation\":true}")
                .enums("protocol").plainText("name").bodies();
        List<HostileBodies.Body> putSettings = HostileBodies.of("PUT /email-settings", Map.of(
                        "defaultProfileId", profileId, "incomingDeliveryMethod", "SERVER_SIDE_SYNC",
                        "outgoingDeliveryMethod", "SERVER_SIDE_SYNC", "actDeliveryMethod", "SERVER_SIDE_SYNC",
                        "processEmailsOnlyForApprovedUsers", true, "processEmailsOnlyForApprovedQueues", true,
                        "requirePrivilegeToSelfApproveEmailAddress", false, "notifyMailboxOwner", false))
                .required("incomingDeliveryMethod", "outgoingDeliveryMethod", "actDeliveryMethod",
                        "processEmailsOnlyForApprovedUsers", "notifyMailboxOwner")
                .enums("incomingDeliveryMethod", "outgoingDeliveryMethod", "actDeliveryMethod")
                .ids("defaultProfileId").bodies();
        List<HostileBodies.Body> createEnvironment = HostileBodies.of("POST /environments", Map.of(
                        "name", "Hostile", "tenantId", env.tenant(), "deployment", "ON_PREMISES",
                        "version", Fixtures.VERSION))
                .required("name", "tenantId", "deployment", "version")
                .enums("deployment", "version").ids("id").plainText("name", "tenantId").bodies();
        // Ids of another environment: a profile of environment B is no default for A; an existing environment id.
        Fixtures.Env other = Fixtures.environment("ONLINE", true);
        String otherProfile = as(other.adminToken()).get(other.path("")).then().extract().path("defaultProfileId");
        List<HostileBodies.Body> otherEnvironment = List.of(
                new HostileBodies.Body("PUT /email-settings: default profile of another environment",
                        "{\"defaultProfileId\":\"" + otherProfile + "\",\"incomingDeliveryMethod\":\"NONE\","
                                + "\"outgoingDeliveryMethod\":\"NONE\",\"actDeliveryMethod\":\"NONE\","
                                + "\"processEmailsOnlyForApprovedUsers\":true,\"processEmailsOnlyForApprovedQueues\":true,"
                                + "\"requirePrivilegeToSelfApproveEmailAddress\":false,\"notifyMailboxOwner\":false}"),
                new HostileBodies.Body("POST /environments: id of an existing environment",
                        "{\"id\":\"" + other.id() + "\",\"name\":\"e\",\"tenantId\":\"" + env.tenant()
                                + "\",\"deployment\":\"ONLINE\",\"version\":\"9.2\"}"));

        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        long started = System.currentTimeMillis();
        profileBodies.forEach((name, body) -> expect400(failures, name,
                as(env.adminToken()).body(body).post(env.path("/profiles")).then().extract()));
        patchBodies.forEach((name, body) -> expect400(failures, name,
                as(env.adminToken()).body(body).patch(env.path("/profiles/" + profileId)).then().extract()));
        settingsBodies.forEach((name, body) -> expect400(failures, name,
                as(env.adminToken()).body(body).put(env.path("/email-settings")).then().extract()));
        environmentBodies.forEach((name, body) -> expect400(failures, name,
                as(env.adminToken()).body(body).post("/api/v1/environments").then().extract()));
        createProfile.forEach(body -> refused(failures, body,
                as(env.adminToken()).body(body.json()).post(env.path("/profiles")).then().extract()));
        patchProfile.forEach(body -> refused(failures, body,
                as(env.adminToken()).body(body.json()).patch(env.path("/profiles/" + profileId)).then().extract()));
        putSettings.forEach(body -> refused(failures, body,
                as(env.adminToken()).body(body.json()).put(env.path("/email-settings")).then().extract()));
        createEnvironment.forEach(body -> refused(failures, body,
                as(env.adminToken()).body(body.json()).post("/api/v1/environments").then().extract()));
        otherEnvironment.forEach(body -> refused(failures, body, as(env.adminToken()).body(body.json())
                .request(body.name().startsWith("PUT") ? "PUT" : "POST",
                        body.name().startsWith("PUT") ? env.path("/email-settings") : "/api/v1/environments")
                .then().extract()));

        // The POSTs without a body: hostile ids in the path are a 404 problem (no job, no default change).
        List<HostileBodies.Body> bodyless = new ArrayList<>();
        for (String action : List.of("set-default", "test-and-enable")) {
            List<HostileBodies.Body> ids = HostileBodies.hostileIds("POST /profiles/{id}/" + action);
            ids.forEach(id -> refused(failures, id, as(env.adminToken()).body("{}")
                    .post(env.path("/profiles/{id}/" + action), id.json()).then().extract()));
            bodyless.addAll(ids);
        }
        System.out.printf("profile-service hostile requests took %d ms%n", System.currentTimeMillis() - started);

        int total = bodyless.size() + profileBodies.size() + patchBodies.size() + settingsBodies.size() + environmentBodies.size()
                + createProfile.size() + patchProfile.size() + putSettings.size() + createEnvironment.size()
                + otherEnvironment.size();
        System.out.printf("profile-service hostile bodies: %d (POST /profiles %d, PATCH /profiles/{id} %d, "
                        + "PUT /email-settings %d, POST /environments %d, bodyless POSTs %d)%n", total,
                profileBodies.size() + createProfile.size(), patchBodies.size() + patchProfile.size(),
                settingsBodies.size() + putSettings.size() + 1, environmentBodies.size() + createEnvironment.size() + 1, bodyless.size());
        assertThat(total).isGreaterThanOrEqualTo(200);
        assertThat(failures).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    private static void refused(List<String> failures, HostileBodies.Body body,
                                io.restassured.response.ExtractableResponse<?> response) {
        String wrong = HostileBodies.verdict(body, response);
        if (wrong != null) {
            failures.add(wrong);
        }
    }

    private static void expect400(List<String> failures, String name,
                                  io.restassured.response.ExtractableResponse<?> response) {
        String contentType = response.contentType();
        if (response.statusCode() != 400 || contentType == null || !contentType.startsWith("application/problem+json")
                || response.body().asString().contains("Exception")) {
            failures.add(name + " -> " + response.statusCode() + " " + contentType + " " + response.body().asString());
        }
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        }
        return counts;
    }
}
