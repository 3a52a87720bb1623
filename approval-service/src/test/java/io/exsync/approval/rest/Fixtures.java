package io.exsync.approval.rest;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.CloudEventHeaders;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.EventJson;
import io.exsync.events.EventType;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.Regarding;
import io.exsync.events.UserEvent.UserRegistered;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Callers, environments, profiles, users and mailboxes for the approval-service tests. Read models are fed the way
 * production feeds them: events published on the test topics by a plain Kafka producer, with CloudEvents headers.
 * Every test makes its own tenant, environment and users.
 */
final class Fixtures {

    static final String PREFIX = TestTopics.PREFIX;
    static final String APPROVAL_TOPIC = PREFIX + "approval.events";
    static final String GATE = "9.2.22104.00170";
    static final String BELOW_GATE = "9.2.22104.00169";
    static final String GLOBAL = "GlobalAdministrator";
    static final String EXCHANGE = "ExchangeAdministrator";
    static final String SERVICE_ADMIN = "ServiceAdministrator";
    static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaProducer<String, String> producer;

    private Fixtures() {
    }

    static String tenant() {
        return "tenant-" + UUID.randomUUID();
    }

    /** A user token signed with the development key; {@code groups} are the tenant-level directory roles. */
    static String token(UUID sub, String tenant, String... groups) {
        return signed(sub, tenant, null, groups);
    }

    static String automationToken(UUID sub, String tenant, String context, String... groups) {
        return signed(sub, tenant, context, groups);
    }

    static String serviceToken() {
        return signed(UUID.randomUUID(), "exsync-services", null, "Service");
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Tokens are cached per claims (valid for an hour: far longer than a test run). */
    private static String signed(UUID sub, String tenant, String context, String... groups) {
        return TOKENS.computeIfAbsent(sub + "|" + tenant + "|" + context + "|" + String.join(",", groups),
                key -> sign(sub, tenant, context, groups));
    }

    private static String sign(UUID sub, String tenant, String context, String... groups) {
        long now = Instant.now().getEpochSecond();
        String groupList = Arrays.stream(groups).map(g -> "\"" + g + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"" + sub + "\",\"tid\":\"" + tenant
                + "\",\"groups\":[" + groupList + "]"
                + (context == null ? "" : ",\"exsync_ctx\":\"" + context + "\"")
                + ",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        return TestTokens.signWithDevKey(claims);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * An environment as profile-service registers it, with one profile of each class. Its creator (adminId) is a
     * Global Administrator of the tenant and becomes the environment's System Administrator.
     */
    record Env(UUID id, String tenant, String deployment, String version, UUID adminId, String adminToken,
               UUID exchangeOnlineProfile, UUID onPremisesProfile) {
        String path(String suffix) {
            return "/api/v1/environments/" + id + suffix;
        }

        UUID profile(String serverClass) {
            return "EXCHANGE_ONLINE".equals(serverClass) ? exchangeOnlineProfile : onPremisesProfile;
        }
    }

    static Env environment(String deployment, String version) {
        return environment(tenant(), deployment, version);
    }

    static Env environment(String tenant, String deployment, String version) {
        UUID id = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID online = UUID.randomUUID();
        UUID onPremises = UUID.randomUUID();
        publish(new EnvironmentRegistered(id, tenant, "Contoso " + deployment, deployment, version, null, admin),
                profileCreated(id, online, "EXCHANGE_ONLINE"), profileCreated(id, onPremises, "EXCHANGE_SERVER"));
        String adminToken = token(admin, tenant, GLOBAL);
        await().atMost(WAIT).until(() -> count("select count(*) from role_assignment where environment_id = ?", id) == 1
                && count("select count(*) from profile where environment_id = ?", id) == 2);
        return new Env(id, tenant, deployment, version, admin, adminToken, online, onPremises);
    }

    static ProfileCreated profileCreated(UUID environmentId, UUID profileId, String serverType) {
        return new ProfileCreated(environmentId, profileId, serverType + " profile", serverType, "SERVER_TO_SERVER",
                "GRAPH", "PUBLIC", "ACTIVE", false, UUID.randomUUID(), 10, false);
    }

    static MailboxCreated pendingMailbox(Env env, UUID profileId, String email, String regardingType,
                                         UUID regardingId) {
        return new MailboxCreated(env.id(), UUID.randomUUID(), new Regarding(regardingType, regardingId, email),
                email, regardingId, profileId, "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC",
                "PENDING_APPROVAL");
    }

    /** A user mailbox waiting for approval, known to approval-service when this returns. */
    static UUID mailbox(Env env, String serverClass) {
        MailboxCreated created = pendingMailbox(env, env.profile(serverClass),
                "mbx-" + UUID.randomUUID() + "@contoso.com", "USER", UUID.randomUUID());
        publish(created);
        awaitMailboxes(List.of(created.mailboxId()));
        return created.mailboxId();
    }

    static void awaitMailboxes(Collection<UUID> ids) {
        await().atMost(WAIT).until(() -> count("select count(*) from mailbox where id = any (?)",
                (Object) ids.toArray(new UUID[0])) == ids.size());
    }

    static void registerUser(Env env, UUID userId, String upn) {
        publish(new UserRegistered(env.id(), userId, "User " + upn, upn, upn, UUID.randomUUID()));
        await().atMost(WAIT).until(() -> count(
                "select count(*) from directory_user where environment_id = ? and id = ? and user_principal_name = ?",
                env.id(), userId, upn) == 1);
    }

    static String roleId(Env env, String name) {
        List<Map<String, Object>> roles = as(env.adminToken()).get(env.path("/security-roles")).then()
                .statusCode(200).extract().path("items");
        return roles.stream().filter(role -> name.equals(role.get("name"))).map(role -> (String) role.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no role " + name));
    }

    /** Assigns through the API as the environment's creator (System Administrator and Global Administrator). */
    static void assign(Env env, UUID userId, String roleId) {
        as(env.adminToken()).body(Map.of("roleId", roleId)).post(env.path("/users/" + userId + "/roles")).then()
                .statusCode(201);
    }

    static String customRole(Env env, String name, Map<String, String> privileges) {
        List<Map<String, String>> list = new ArrayList<>();
        privileges.forEach((privilege, depth) -> list.add(Map.of("name", privilege, "depth", depth)));
        return as(env.adminToken()).body(Map.of("name", name, "privileges", list)).post(env.path("/security-roles"))
                .then().statusCode(201).extract().path("id");
    }

    /** Publishes events as their producers do: key and subject = aggregate id, CloudEvents binary headers. */
    static void publish(ExSyncEvent... events) {
        for (ExSyncEvent event : events) {
            publishWithId(event, UUID.randomUUID());
        }
        producer().flush();
    }

    static void publishWithId(ExSyncEvent event, UUID ceId) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic().name(PREFIX), event.aggregateId(),
                EventJson.write(event));
        header(record, CloudEventHeaders.ID, ceId.toString());
        header(record, CloudEventHeaders.TYPE, type.ceType());
        header(record, CloudEventHeaders.SOURCE, "/test");
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
        header(record, CloudEventHeaders.ENVIRONMENT, event.environmentId().toString());
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A count from this service's database (parameters bound in order). */
    static long count(String sql, Object... parameters) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws java.sql.SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof UUID[] ids) {
                statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }
}
