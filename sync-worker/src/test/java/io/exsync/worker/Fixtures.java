package io.exsync.worker;

import io.exsync.events.CloudEventHeaders;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.EventJson;
import io.exsync.events.EventType;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.Regarding;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import io.exsync.worker.client.Connection;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Events as other services publish them, simulator scenarios, profiles pointing at the simulator, tokens. */
public final class Fixtures {

    public static final String PREFIX = TestTopics.PREFIX;
    public static final String SYNC_TOPIC = PREFIX + "sync.events";
    public static final String ALERT_TOPIC = PREFIX + "alert.events";
    public static final String TENANT = "contoso-tenant";
    public static final String PASSWORD = "pw";
    public static final String CLIENT_ID = "exsync-app";
    public static final String CLIENT_SECRET = "s3cret";
    public static final String SERVICE_ACCOUNT = "svc-exsync@contoso.com";

    private static volatile String serviceToken;
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    private Fixtures() {
    }

    // ---- tokens

    public static String serviceToken() {
        if (serviceToken == null) {
            serviceToken = TestTokens.exsyncToken("--service", "--tid", "exsync-services");
        }
        return serviceToken;
    }

    public static String userToken(String tenant) {
        return TestTokens.exsyncToken("--sub", UUID.randomUUID().toString(), "--tid", tenant);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    // ---- events, written as a plain producer would (binary CloudEvents)

    public static UUID publish(ExSyncEvent event) {
        return publish(event, UUID.randomUUID());
    }

    public static UUID publish(ExSyncEvent event, UUID ceId) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic().name(PREFIX), event.aggregateId(),
                EventJson.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, ceId.toString());
        header(record, CloudEventHeaders.TYPE, type.ceType());
        header(record, CloudEventHeaders.SOURCE, "/test");
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
        header(record, CloudEventHeaders.ENVIRONMENT, event.environmentId().toString());
        try {
            PRODUCER.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ceId;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static UUID environment(String tenant) {
        UUID id = UUID.randomUUID();
        publish(new EnvironmentRegistered(id, tenant, "Contoso", "ONLINE", "9.2.22104.00170", tenant,
                UUID.randomUUID()));
        return id;
    }

    public static void profileCreated(UUID environmentId, UUID profileId, String name, UUID ownerId) {
        profileCreated(environmentId, profileId, name, ownerId, false);
    }

    public static void profileCreated(UUID environmentId, UUID profileId, String name, UUID ownerId,
                                      boolean sendAlertEmailToOwner) {
        publish(new ProfileCreated(environmentId, profileId, name, "EXCHANGE_ONLINE", "SERVER_TO_SERVER", "GRAPH",
                "PUBLIC", "ACTIVE", false, ownerId, 10, sendAlertEmailToOwner));
    }

    /** What profile-service does before answering 202 for a profile-wide Test &amp; Enable. */
    public static void registerProfileJob(UUID jobId, UUID environmentId, UUID profileId, int total) {
        as(serviceToken()).body(Map.of("environmentId", environmentId, "kind", "PROFILE", "total", total,
                "profileId", profileId)).put("/api/v1/internal/jobs/" + jobId).then().statusCode(200);
    }

    /** A mailbox of a job whose three workloads are on server-side sync, approved. */
    public static TestAndEnableRequested request(UUID environmentId, UUID jobId, int total, UUID profileId,
                                                 String email) {
        return new TestAndEnableRequested(environmentId, UUID.randomUUID(), jobId, total, email,
                new Regarding("USER", UUID.randomUUID(), "User " + email), UUID.randomUUID(), profileId,
                "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "APPROVED", true, UUID.randomUUID());
    }

    public static TestAndEnableRequested onlyIncoming(TestAndEnableRequested r) {
        return new TestAndEnableRequested(r.environmentId(), r.mailboxId(), r.jobId(), r.jobTotal(),
                r.emailAddress(), r.regarding(), r.ownerId(), r.profileId(), "SERVER_SIDE_SYNC", "NONE", "NONE",
                r.emailAddressApproval(), r.approvalRequired(), r.requestedBy());
    }

    public static TestAndEnableRequested pendingApproval(TestAndEnableRequested r, String name) {
        return new TestAndEnableRequested(r.environmentId(), r.mailboxId(), r.jobId(), r.jobTotal(),
                r.emailAddress(), new Regarding("USER", r.regarding().id(), name), r.ownerId(), r.profileId(),
                r.incomingDeliveryMethod(), r.outgoingDeliveryMethod(), r.actDeliveryMethod(), "PENDING_APPROVAL",
                true, r.requestedBy());
    }

    // ---- the simulator

    public static RequestSpecification simulator() {
        return given().baseUri(ExchangeSimulatorResource.baseUrl()).contentType(ContentType.JSON);
    }

    public static JsonPath info() {
        return simulator().get("/admin/info").then().statusCode(200).extract().jsonPath();
    }

    public static Map<String, Object> mailbox(String email, Map<String, Object> behavior) {
        return Map.of("email", email, "tenant", TENANT, "password", PASSWORD, "behavior", behavior);
    }

    public static Map<String, Object> kind(String kind, Object... parameters) {
        Map<String, Object> behavior = new java.util.HashMap<>(Map.of("kind", kind));
        for (int i = 0; i < parameters.length; i += 2) {
            behavior.put((String) parameters[i], parameters[i + 1]);
        }
        return behavior;
    }

    /** Replaces the scenario: one tenant with the app, the service account and the given mailboxes. */
    public static void scenario(List<Map<String, Object>> mailboxes) {
        List<Map<String, Object>> all = new java.util.ArrayList<>(mailboxes);
        all.add(mailbox(SERVICE_ACCOUNT, kind("ok")));
        simulator().body(Map.of("latencyMs", 0,
                        "tenants", List.of(Map.of("id", TENANT, "apps",
                                List.of(Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET)))),
                        "mailboxes", all))
                .put("/admin/scenario").then().statusCode(200);
    }

    public static int requestsOf(String email) {
        Integer requests = simulator().get("/admin/stats").then().statusCode(200).extract()
                .path("byMailbox.'" + email + "'.requests");
        return requests == null ? 0 : requests;
    }

    // ---- connections (what profile-service would answer), pointing at the simulator

    public static Connection graph(UUID profileId, int timeoutMs) {
        JsonPath info = info();
        return new Connection(profileId, null, TENANT, "EXCHANGE_ONLINE", "SERVER_TO_SERVER", "GRAPH",
                info.getString("authorityHost"), info.getString("graphBaseUrl"), null, null, false, null, null,
                true, TENANT, CLIENT_ID, null, null, CLIENT_SECRET, 10, true, timeoutMs, "ACTIVE");
    }

    /** Graph over https to the simulator's plain-HTTP port: a real TLS handshake failure. */
    public static Connection graphOverTlsToPlainPort(UUID profileId) {
        String https = ExchangeSimulatorResource.baseUrl().replace("http://", "https://");
        return new Connection(profileId, null, TENANT, "EXCHANGE_ONLINE", "SERVER_TO_SERVER", "GRAPH", https, https,
                null, null, false, null, null, true, TENANT, CLIENT_ID, null, null, CLIENT_SECRET, 10, true, 5000,
                "ACTIVE");
    }

    /** EWS with a service account (Basic) impersonating the mailboxes. */
    public static Connection ewsBasic(UUID profileId) {
        return new Connection(profileId, null, TENANT, "EXCHANGE_SERVER", "CREDENTIALS_IN_PROFILE", "EWS", null,
                null, info().getString("ewsUrl"), null, false, null, null, true, null, null, SERVICE_ACCOUNT,
                PASSWORD, null, 10, true, 20000, "ACTIVE");
    }

    /** EWS, app-only token, EWS URL found by Autodiscover. */
    public static Connection ewsOAuthAutodiscover(UUID profileId) {
        JsonPath info = info();
        return new Connection(profileId, null, TENANT, "EXCHANGE_SERVER_HYBRID", "EXCHANGE_HYBRID_MODERN_AUTH", "EWS",
                info.getString("authorityHost"), null, null, info.getString("autodiscoverUrl"), true, null, null,
                true, TENANT, CLIENT_ID, null, null, CLIENT_SECRET, 10, true, 20000, "ACTIVE");
    }

    public static Connection mail(UUID profileId, String protocol) {
        JsonPath info = info();
        int incomingPort = "POP3_SMTP".equals(protocol) ? info.getInt("pop3Port") : info.getInt("imapPort");
        return new Connection(profileId, null, TENANT, protocol, "CREDENTIALS_BY_USER_OR_QUEUE", protocol, null, null,
                null, null, false, new Connection.MailServer("127.0.0.1", incomingPort, false),
                new Connection.MailServer("127.0.0.1", info.getInt("smtpPort"), false), false, null, null, null,
                null, null, 10, true, 10000, "ACTIVE");
    }

    // ---- waiting and observing

    public static JsonPath awaitJob(UUID jobId, String state) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    var response = as(serviceToken()).get("/api/v1/jobs/" + jobId);
                    return response.statusCode() == 200 && state.equals(response.path("state"));
                });
        return as(serviceToken()).get("/api/v1/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    /** Results of a job by mailbox id. */
    public static Map<String, Map<String, Object>> results(UUID jobId) {
        List<Map<String, Object>> items = as(serviceToken()).get("/api/v1/jobs/" + jobId + "/results?size=500")
                .then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byMailbox = new java.util.HashMap<>();
        items.forEach(item -> byMailbox.put((String) item.get("mailboxId"), item));
        return byMailbox;
    }

    /** Everything on the sync and alert topics until the job's TestJobCompleted, plus a second for stragglers. */
    public static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> recordsUntilCompleted(
            io.exsync.events.testing.PlainConsumer consumer, UUID jobId) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> all = new java.util.ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        boolean completed = false;
        while (!completed && java.time.Instant.now().isBefore(deadline)) {
            all.addAll(consumer.await(r -> true, Integer.MAX_VALUE, java.time.Duration.ofMillis(500)));
            completed = all.stream().anyMatch(r -> ceType(r).equals("io.exsync.test-job.completed.v1")
                    && r.key().equals(jobId.toString()));
        }
        all.addAll(consumer.await(r -> true, Integer.MAX_VALUE, java.time.Duration.ofSeconds(1)));
        return all;
    }

    public static String ceType(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return io.exsync.events.testing.PlainConsumer.header(record, CloudEventHeaders.TYPE);
    }

    public static List<JsonPath> ofType(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
                                        String ceType, String key) {
        return records.stream().filter(r -> ceType(r).equals(ceType) && r.key().equals(key))
                .map(r -> JsonPath.from(r.value())).toList();
    }

    public static io.exsync.events.testing.PlainConsumer consumer() {
        return io.exsync.events.testing.PlainConsumer.fromEnd(List.of(SYNC_TOPIC, ALERT_TOPIC));
    }

    private static volatile boolean consumersReady;

    /**
     * The consumers start at the topics' end (fresh group): publish harmless sentinels until each channel has
     * processed one, so a test's events are never published before the worker listens.
     */
    public static void awaitConsumersReady() {
        if (consumersReady) {
            return;
        }
        UUID env = UUID.randomUUID();
        UUID profileJob = UUID.randomUUID();
        UUID mailboxJob = UUID.randomUUID();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofSeconds(2)).until(() -> {
                    publish(new io.exsync.events.ProfileEvent.ProfileTestRequested(env, UUID.randomUUID(), profileJob,
                            UUID.randomUUID()));
                    TestAndEnableRequested nothingToTest = new TestAndEnableRequested(env, UUID.randomUUID(),
                            mailboxJob, 1, "sentinel@contoso.com", new Regarding("USER", UUID.randomUUID(), "Sentinel"),
                            UUID.randomUUID(), null, "NONE", "NONE", "NONE", "APPROVED", true, UUID.randomUUID());
                    publish(nothingToTest);
                    Thread.sleep(1000);
                    return as(serviceToken()).get("/api/v1/jobs/" + profileJob).statusCode() == 200
                            && as(serviceToken()).get("/api/v1/jobs/" + mailboxJob).statusCode() == 200;
                });
        consumersReady = true;
    }
}
