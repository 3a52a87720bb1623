package io.exsync.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.exsync.events.EventJson;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.exsync.profile.rest.Fixtures.as;
import static io.exsync.profile.rest.Fixtures.createProfile;
import static io.exsync.profile.rest.Fixtures.environment;
import static io.exsync.profile.rest.Fixtures.exchangeServerProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ProfileResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @CsvSource({
            "EXCHANGE_ONLINE,        SERVER_TO_SERVER,             GRAPH,     false",
            "EXCHANGE_ONLINE_HYBRID, SERVER_TO_SERVER,             GRAPH,     false",
            "EXCHANGE_SERVER,        CREDENTIALS_IN_PROFILE,       EWS,       true",
            "EXCHANGE_SERVER_HYBRID, EXCHANGE_HYBRID_MODERN_AUTH,  EWS,       true",
            "IMAP_SMTP,              CREDENTIALS_BY_USER_OR_QUEUE, IMAP_SMTP, false",
            "POP3_SMTP,              CREDENTIALS_BY_USER_OR_QUEUE, POP3_SMTP, false"})
    void defaultsDependOnTheServerType(String serverType, String authentication, String protocol,
                                       boolean autodiscover) {
        Fixtures.Env env = environment("ON_PREMISES", false);
        Map<String, Object> body = new HashMap<>(Map.of("name", serverType, "serverType", serverType));
        if (serverType.endsWith("_SMTP")) {
            body.put("incomingServer", Map.of("host", "mail.contoso.com"));
            body.put("outgoingServer", Map.of("host", "smtp.contoso.com"));
        }
        if (serverType.equals("EXCHANGE_SERVER")) {
            body.put("credentials", Map.of("username", "svc", "password", "pw"));
        }
        var response = as(env.adminToken()).body(body).post(env.path("/profiles")).then().statusCode(201)
                .header("Location", containsString("/profiles/"))
                .body("authenticationType", equalTo(authentication))
                .body("protocol", equalTo(protocol))
                .body("useAutodiscover", equalTo(autodiscover))
                .body("serverAuthority", equalTo("PUBLIC"))
                .body("useImpersonation", equalTo(true))
                .body("minPollingIntervalMinutes", equalTo(0))
                .body("maxConcurrentConnections", equalTo(10))
                .body("moveFailedEmailsToUndeliverableFolder", equalTo(false))
                .body("sendAlertEmailToOwner", equalTo(false))
                .body("timeoutMailboxConnection", equalTo(true))
                .body("timeoutMailboxConnectionAfterMs", equalTo(100000))
                .body("ownerId", equalTo(env.adminId().toString()))
                .body("state", equalTo("ACTIVE"))
                .body("isDefault", equalTo(false));
        if (serverType.equals("IMAP_SMTP")) {
            response.body("incomingServer.port", equalTo(993)).body("incomingServer.useSsl", equalTo(true))
                    .body("outgoingServer.port", equalTo(587));
        } else if (serverType.equals("POP3_SMTP")) {
            response.body("incomingServer.port", equalTo(995));
        } else {
            response.body("incomingServer", nullValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IMAP with server-to-server auth | {\"name\":\"a\",\"serverType\":\"IMAP_SMTP\",\"authenticationType\":\"SERVER_TO_SERVER\",\"incomingServer\":{\"host\":\"h\"},\"outgoingServer\":{\"host\":\"h\"}} | authenticationType",
            "POP3 with an ACT-capable protocol | {\"name\":\"a\",\"serverType\":\"POP3_SMTP\",\"protocol\":\"GRAPH\",\"incomingServer\":{\"host\":\"h\"},\"outgoingServer\":{\"host\":\"h\"}} | protocol",
            "Exchange Server over Graph | {\"name\":\"a\",\"serverType\":\"EXCHANGE_SERVER\",\"protocol\":\"GRAPH\",\"credentials\":{\"username\":\"u\",\"password\":\"p\"}} | protocol",
            "Exchange Online with Windows auth | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"authenticationType\":\"WINDOWS_INTEGRATED\"} | authenticationType",
            "plain http endpoint | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"defaultServerLocation\":\"http://graph.contoso.com\"} | defaultServerLocation",
            "relative endpoint | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"authorityHost\":\"login\"} | authorityHost",
            "ftp autodiscover | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"autodiscoverUrl\":\"ftp://x.contoso.com/a\"} | autodiscoverUrl",
            "IMAP without servers | {\"name\":\"a\",\"serverType\":\"IMAP_SMTP\"} | incomingServer",
            "IMAP with an EWS URL | {\"name\":\"a\",\"serverType\":\"IMAP_SMTP\",\"defaultServerLocation\":\"https://x/EWS/Exchange.asmx\",\"incomingServer\":{\"host\":\"h\"},\"outgoingServer\":{\"host\":\"h\"}} | defaultServerLocation",
            "Undeliverable folder on POP3 | {\"name\":\"a\",\"serverType\":\"POP3_SMTP\",\"moveFailedEmailsToUndeliverableFolder\":true,\"incomingServer\":{\"host\":\"h\"},\"outgoingServer\":{\"host\":\"h\"}} | moveFailedEmailsToUndeliverableFolder",
            "mail server on Exchange Online | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"incomingServer\":{\"host\":\"h\"}} | incomingServer",
            "credentials in profile without password | {\"name\":\"a\",\"serverType\":\"EXCHANGE_SERVER\",\"credentials\":{\"username\":\"u\"}} | credentials.password",
            "port out of range | {\"name\":\"a\",\"serverType\":\"IMAP_SMTP\",\"incomingServer\":{\"host\":\"h\",\"port\":70000},\"outgoingServer\":{\"host\":\"h\"}} | incomingServer.port",
            "polling interval over 1440 | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"minPollingIntervalMinutes\":1441} | minPollingIntervalMinutes",
            "no connections | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"maxConcurrentConnections\":0} | maxConcurrentConnections",
            "timeout over 100000 | {\"name\":\"a\",\"serverType\":\"EXCHANGE_ONLINE\",\"timeoutMailboxConnectionAfterMs\":100001} | timeoutMailboxConnectionAfterMs",
            "name too long | {\"name\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"serverType\":\"EXCHANGE_ONLINE\"} | name",
            "unknown server type | {\"name\":\"a\",\"serverType\":\"LOTUS_NOTES\"} | serverType"})
    void invalidProfilesAre400WithAViolationOnTheOffendingField(String caseName, String body, String field) {
        Fixtures.Env env = environment("ON_PREMISES", false);
        as(env.adminToken()).body(body).post(env.path("/profiles")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("ValidationFailed"))
                .body("violations.field", hasItem(field));
        as(env.adminToken()).get(env.path("/profiles")).then().body("total", equalTo(0));
    }

    @Test
    void loopbackHttpEndpointsAreAllowedInTest() {
        Fixtures.Env env = environment("ONLINE", false);
        as(env.adminToken()).body(Map.of("name", "Simulator", "serverType", "EXCHANGE_ONLINE",
                        "defaultServerLocation", "http://127.0.0.1:8089", "authorityHost", "http://localhost:8089"))
                .post(env.path("/profiles")).then().statusCode(201);
    }

    @Test
    void namesAreUniquePerEnvironmentIgnoringCase() {
        Fixtures.Env env = environment("ON_PREMISES", false);
        createProfile(env, exchangeServerProfile("Contoso EWS"));
        as(env.adminToken()).body(exchangeServerProfile("contoso ews")).post(env.path("/profiles")).then()
                .statusCode(409).body("code", equalTo("ProfileNameExists"));
        Fixtures.Env other = environment("ON_PREMISES", false);
        createProfile(other, exchangeServerProfile("Contoso EWS"));
    }

    @Test
    void secretsAreWriteOnlyEncryptedAtRestAndReadableOnlyByServices() throws Exception {
        Fixtures.Env env = environment("ON_PREMISES", false);
        String password = "pw-" + UUID.randomUUID();
        String clientSecret = "cs-" + UUID.randomUUID();
        String id = as(env.adminToken()).body(Map.of("name", "Secretive", "serverType", "EXCHANGE_SERVER",
                        "credentials", Map.of("username", "svc", "password", password, "clientSecret", clientSecret)))
                .post(env.path("/profiles")).then().statusCode(201)
                .body("credentials.username", equalTo("svc"))
                .body("credentials.passwordSet", equalTo(true))
                .body("credentials.clientSecretSet", equalTo(true))
                .body(not(containsString(password)))
                .body(not(containsString(clientSecret)))
                .extract().path("id");
        as(env.adminToken()).get(env.path("/profiles/" + id)).then().statusCode(200)
                .body(not(containsString(password)))
                .body("credentials.password", nullValue());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select * from email_server_profile where id = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(row.getObject(column))).doesNotContain(password).doesNotContain(clientSecret);
            }
            assertThat(row.getString("password_key_id")).isEqualTo("dev-only");
        }

        as(Fixtures.serviceToken()).get("/api/v1/internal/profiles/" + id + "/connection").then().statusCode(200)
                .body("password", equalTo(password))
                .body("clientSecret", equalTo(clientSecret))
                .body("ewsUrl", equalTo("https://outlook.office365.com/EWS/Exchange.asmx"))
                .body("tenantId", equalTo(env.tenant()));
        as(env.adminToken()).get("/api/v1/internal/profiles/" + id + "/connection").then().statusCode(403)
                .body(not(containsString(password)));

        // A patch without the password keeps it; a new one replaces it.
        as(env.adminToken()).body(Map.of("credentials", Map.of("username", "svc2"))).patch(env.path("/profiles/" + id))
                .then().statusCode(200).body("credentials.passwordSet", equalTo(true));
        as(Fixtures.serviceToken()).get("/api/v1/internal/profiles/" + id + "/connection").then()
                .body("username", equalTo("svc2")).body("password", equalTo(password));
        as(env.adminToken()).body(Map.of("credentials", Map.of("password", "rotated")))
                .patch(env.path("/profiles/" + id)).then().statusCode(200);
        as(Fixtures.serviceToken()).get("/api/v1/internal/profiles/" + id + "/connection").then()
                .body("password", equalTo("rotated"));
    }

    @Test
    void theDefaultProfileCannotBeDeactivatedAndAnInactiveOneCannotBecomeDefault() throws Exception {
        Fixtures.Env env = environment("ONLINE", true);
        String defaultId = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");
        as(env.adminToken()).delete(env.path("/profiles/" + defaultId)).then().statusCode(409)
                .body("code", equalTo("ProfileIsDefault"));
        as(env.adminToken()).body(Map.of("state", "INACTIVE")).patch(env.path("/profiles/" + defaultId)).then()
                .statusCode(409).body("code", equalTo("ProfileIsDefault"));

        String other = createProfile(env, exchangeServerProfile("On-premises"));
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.PROFILE_TOPIC))) {
            as(env.adminToken()).delete(env.path("/profiles/" + other)).then().statusCode(200)
                    .body("state", equalTo("INACTIVE"));
            ConsumerRecord<String, String> event = topic.await(r -> other.equals(r.key()), 1,
                    Duration.ofSeconds(15)).get(0);
            assertThat(PlainConsumer.header(event, "ce_type")).isEqualTo("io.exsync.profile.deactivated.v1");
        }
        as(env.adminToken()).post(env.path("/profiles/" + other + "/set-default")).then().statusCode(409)
                .body("code", equalTo("ProfileInactive"));
        as(env.adminToken()).post(env.path("/profiles/" + other + "/test-and-enable")).then().statusCode(409)
                .body("code", equalTo("ProfileInactive"));
        as(env.adminToken()).queryParam("state", "INACTIVE").get(env.path("/profiles")).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(other));
        as(env.adminToken()).queryParam("state", "ACTIVE").get(env.path("/profiles")).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(defaultId));

        // Reactivated, it can become the default; then the old default may be deactivated.
        as(env.adminToken()).body(Map.of("state", "ACTIVE")).patch(env.path("/profiles/" + other)).then()
                .statusCode(200);
        as(env.adminToken()).post(env.path("/profiles/" + other + "/set-default")).then().statusCode(200)
                .body("isDefault", equalTo(true));
        as(env.adminToken()).delete(env.path("/profiles/" + defaultId)).then().statusCode(200);
    }

    @Test
    void theEwsEndpointCanMoveToTheChinaCloud() throws Exception {
        Fixtures.Env env = environment("ON_PREMISES", false);
        String id = createProfile(env, exchangeServerProfile("Contoso China"));
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.PROFILE_TOPIC))) {
            as(env.adminToken()).contentType("application/merge-patch+json")
                    .body(Map.of("defaultServerLocation", "https://partner.outlook.cn/EWS/Exchange.asmx",
                            "serverAuthority", "CHINA_21VIANET", "useAutodiscover", false))
                    .patch(env.path("/profiles/" + id)).then().statusCode(200)
                    .body("defaultServerLocation", equalTo("https://partner.outlook.cn/EWS/Exchange.asmx"))
                    .body("serverAuthority", equalTo("CHINA_21VIANET"))
                    .body("name", equalTo("Contoso China"))
                    .body("credentials.passwordSet", equalTo(true));
            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()), 1,
                    Duration.ofSeconds(15)).get(0);
            assertThat(PlainConsumer.header(event, "ce_type")).isEqualTo("io.exsync.profile.updated.v1");
            assertThat(PlainConsumer.header(event, "ce_subject")).isEqualTo(id);
            JsonNode body = EventJson.parse(event.value());
            assertThat(body.get("serverAuthority").asText()).isEqualTo("CHINA_21VIANET");
            assertThat(body.get("changedFields").toString())
                    .contains("defaultServerLocation", "serverAuthority", "useAutodiscover");
        }
        as(Fixtures.serviceToken()).get("/api/v1/internal/profiles/" + id + "/connection").then()
                .body("ewsUrl", equalTo("https://partner.outlook.cn/EWS/Exchange.asmx"))
                .body("authorityHost", equalTo("https://login.chinacloudapi.cn"));
    }

    @Test
    void theAlertSwitchTravelsWithProfileCreatedAndProfileUpdated() throws Exception {
        Fixtures.Env env = environment("ON_PREMISES", false);
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.PROFILE_TOPIC))) {
            Map<String, Object> body = new java.util.HashMap<>(exchangeServerProfile("Contoso alerts"));
            body.put("sendAlertEmailToOwner", true);
            String id = createProfile(env, body);
            ConsumerRecord<String, String> created = topic.await(r -> id.equals(r.key())
                    && "io.exsync.profile.created.v1".equals(PlainConsumer.header(r, "ce_type")), 1,
                    Duration.ofSeconds(15)).get(0);
            assertThat(EventJson.parse(created.value()).get("sendAlertEmailToOwner").asBoolean()).isTrue();

            as(env.adminToken()).contentType("application/merge-patch+json")
                    .body(Map.of("sendAlertEmailToOwner", false))
                    .patch(env.path("/profiles/" + id)).then().statusCode(200)
                    .body("sendAlertEmailToOwner", equalTo(false));
            ConsumerRecord<String, String> updated = topic.await(r -> id.equals(r.key())
                    && "io.exsync.profile.updated.v1".equals(PlainConsumer.header(r, "ce_type")), 1,
                    Duration.ofSeconds(15)).get(0);
            JsonNode event = EventJson.parse(updated.value());
            assertThat(event.get("sendAlertEmailToOwner").asBoolean()).isFalse();
            assertThat(event.get("changedFields").toString()).contains("sendAlertEmailToOwner");
        }
    }

    @Test
    void aPatchIsValidatedLikeACreateAndChangesNothingWhenInvalid() {
        Fixtures.Env env = environment("ON_PREMISES", false);
        String id = createProfile(env, exchangeServerProfile("Patched"));
        as(env.adminToken()).body(Map.of("maxConcurrentConnections", 301)).patch(env.path("/profiles/" + id)).then()
                .statusCode(400).body("violations.field", hasItem("maxConcurrentConnections"));
        as(env.adminToken()).body(Map.of("protocol", "GRAPH")).patch(env.path("/profiles/" + id)).then()
                .statusCode(400).body("violations.field", hasItem("protocol"));
        as(env.adminToken()).body(Map.of("colour", "blue")).patch(env.path("/profiles/" + id)).then()
                .statusCode(400).body("violations.field", hasItem("colour"));
        as(env.adminToken()).body("[1,2]").patch(env.path("/profiles/" + id)).then().statusCode(400);
        as(env.adminToken()).get(env.path("/profiles/" + id)).then().body("maxConcurrentConnections", equalTo(10))
                .body("protocol", equalTo("EWS"));
    }

    @Test
    void testAndEnableOfAProfileIsAcceptedWithTheJobLocationOnTheSyncWorker() throws Exception {
        Fixtures.Env env = environment("ONLINE", true);
        String profileId = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.PROFILE_TOPIC))) {
            var accepted = as(env.adminToken()).post(env.path("/profiles/" + profileId + "/test-and-enable")).then()
                    .statusCode(202)
                    .body("kind", equalTo("PROFILE"))
                    .body("state", equalTo("QUEUED"))
                    .extract();
            String jobId = accepted.path("jobId");
            assertThat(accepted.header("Location")).isEqualTo("http://127.0.0.1:8084/api/v1/jobs/" + jobId);
            ConsumerRecord<String, String> event = topic.await(r -> profileId.equals(r.key())
                    && PlainConsumer.header(r, "ce_type").equals("io.exsync.profile.test-requested.v1"), 1,
                    Duration.ofSeconds(15)).get(0);
            JsonNode body = EventJson.parse(event.value());
            assertThat(body.get("jobId").asText()).isEqualTo(jobId);
            assertThat(body.get("requestedBy").asText()).isEqualTo(env.adminId().toString());
        }
    }

    @Test
    void concurrentSetDefaultCallsLeaveExactlyOneDefault() throws Exception {
        Fixtures.Env env = environment("ONLINE", true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createProfile(env, Map.of("name", "Online " + i, "serverType", "EXCHANGE_ONLINE")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String id = ids.get(i % ids.size());
                calls.add(() -> as(env.adminToken()).post(env.path("/profiles/" + id + "/set-default"))
                        .then().extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        List<Boolean> defaults = as(env.adminToken()).queryParam("size", 500).get(env.path("/profiles")).then()
                .extract().path("items.isDefault");
        assertThat(defaults.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
        String defaultId = as(env.adminToken()).get(env.path("/email-settings")).then().extract()
                .path("defaultProfileId");
        as(env.adminToken()).get(env.path("/profiles/" + defaultId)).then().body("isDefault", equalTo(true));
    }

    @Test
    void onlyASystemAdministratorMayWrite() {
        Fixtures.Env env = environment("ONLINE", true);
        String id = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");
        String exchangeAdmin = Fixtures.token(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator");
        as(exchangeAdmin).body(exchangeServerProfile("x")).post(env.path("/profiles")).then().statusCode(403)
                .body("detail", containsString("System Administrator"));
        as(exchangeAdmin).body(Map.of("name", "renamed")).patch(env.path("/profiles/" + id)).then().statusCode(403);
        as(exchangeAdmin).post(env.path("/profiles/" + id + "/set-default")).then().statusCode(403);
        as(exchangeAdmin).post(env.path("/profiles/" + id + "/test-and-enable")).then().statusCode(403);
        as(exchangeAdmin).get(env.path("/profiles/" + id)).then().statusCode(200)
                .body("name", equalTo("Microsoft Exchange Online"));
        as(env.adminToken()).get(env.path("/profiles/" + UUID.randomUUID())).then().statusCode(404);
        as(env.adminToken()).get(env.path("/profiles/not-a-uuid")).then().statusCode(404);
        as(env.adminToken()).queryParam("size", 501).get(env.path("/profiles")).then().statusCode(400);
        as(env.adminToken()).queryParam("state", "DELETED").get(env.path("/profiles")).then().statusCode(400)
                .body("violations[0].field", equalTo("state"));
        as(env.adminToken()).get(env.path("/profiles")).then().body("page", equalTo(0)).body("size", equalTo(50))
                .header("Content-Type", startsWith("application/json"));
    }
}
