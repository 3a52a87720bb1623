package io.exsync.profile.rest;

import io.exsync.events.CloudEventHeaders;
import io.exsync.events.EventJson;
import io.exsync.events.RoleEvent.RoleAssigned;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.exsync.profile.rest.Fixtures.as;
import static io.exsync.profile.rest.Fixtures.environment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class EmailSettingsResourceTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void settingsCanBeReplacedAndTheDefaultProfileFollows() {
        Fixtures.Env env = environment("ON_PREMISES", false);
        String profile = Fixtures.createProfile(env, Fixtures.exchangeServerProfile("EWS"));
        Map<String, Object> settings = settings(profile, true, true, false);
        settings.put("incomingDeliveryMethod", "FORWARD_MAILBOX");
        settings.put("actDeliveryMethod", "NONE");
        as(env.adminToken()).body(settings).put(env.path("/email-settings")).then().statusCode(200)
                .body("defaultProfileId", equalTo(profile))
                .body("incomingDeliveryMethod", equalTo("FORWARD_MAILBOX"))
                .body("actDeliveryMethod", equalTo("NONE"));
        as(env.adminToken()).get(env.path("/profiles/" + profile)).then().body("isDefault", equalTo(true));

        settings.put("defaultProfileId", UUID.randomUUID().toString());
        as(env.adminToken()).body(settings).put(env.path("/email-settings")).then().statusCode(400)
                .body("violations[0].field", equalTo("defaultProfileId"));
        settings.put("outgoingDeliveryMethod", "FORWARD_MAILBOX");
        as(env.adminToken()).body(settings).put(env.path("/email-settings")).then().statusCode(400)
                .body("violations[0].field", equalTo("outgoingDeliveryMethod"));
    }

    @Test
    void onPremisesTheSystemAdministratorAloneMayChangeTheApprovalSwitches() {
        Fixtures.Env env = environment("ON_PREMISES", false);
        String sysAdminOnly = Fixtures.token(env.adminId(), env.tenant(), "");
        as(sysAdminOnly).body(settings(null, false, false, true)).put(env.path("/email-settings")).then()
                .statusCode(200).body("processEmailsOnlyForApprovedUsers", equalTo(false))
                .body("requirePrivilegeToSelfApproveEmailAddress", equalTo(true));
    }

    @Test
    void onlineTheApprovalSwitchesNeedSystemAdministratorWithATenantAdministratorRole() {
        Fixtures.Env env = environment("ONLINE", true);
        String profile = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");
        String sysAdminOnly = Fixtures.token(env.adminId(), env.tenant(), "");
        as(sysAdminOnly).body(settings(profile, false, true, false)).put(env.path("/email-settings")).then()
                .statusCode(403).body("code", equalTo("Forbidden"));
        // Other settings stay the System Administrator's to change.
        Map<String, Object> other = settings(profile, true, true, false);
        other.put("notifyMailboxOwner", true);
        as(sysAdminOnly).body(other).put(env.path("/email-settings")).then().statusCode(200);

        String exchangeAdminWithoutRole = Fixtures.token(UUID.randomUUID(), env.tenant(), "ExchangeAdministrator");
        as(exchangeAdminWithoutRole).body(settings(profile, false, true, false)).put(env.path("/email-settings"))
                .then().statusCode(403);
        String sysAdminAndExchangeAdmin = Fixtures.token(env.adminId(), env.tenant(), "ExchangeAdministrator");
        as(sysAdminAndExchangeAdmin).body(settings(profile, false, true, false)).put(env.path("/email-settings"))
                .then().statusCode(200).body("processEmailsOnlyForApprovedUsers", equalTo(false));
    }

    @Test
    void aDelegatedMailboxApproverRoleFromApprovalEventsCountsOnlineFromVersion9_2_22104_170() {
        Fixtures.Env env = environment("ONLINE", "9.2.22104.170", true);
        String profile = as(env.adminToken()).get(env.path("")).then().extract().path("defaultProfileId");
        String sysAdminOnly = Fixtures.token(env.adminId(), env.tenant(), "");
        as(sysAdminOnly).body(settings(profile, true, false, false)).put(env.path("/email-settings")).then()
                .statusCode(403);

        publishRoleAssigned(env.id(), env.adminId(), "Delegated Mailbox Approver");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(sysAdminOnly).body(settings(profile, true, false, false)).put(env.path("/email-settings")).then()
                        .statusCode(200).body("processEmailsOnlyForApprovedQueues", equalTo(false)));

        Fixtures.Env old = environment("ONLINE", "9.2.22103.999", true);
        String oldProfile = as(old.adminToken()).get(old.path("")).then().extract().path("defaultProfileId");
        publishRoleAssigned(old.id(), old.adminId(), "Delegated Mailbox Approver");
        String oldSysAdmin = Fixtures.token(old.adminId(), old.tenant(), "");
        await().atMost(Duration.ofSeconds(30)).until(() -> hasRole(old.id(), old.adminId(), "Delegated Mailbox Approver"));
        as(oldSysAdmin).body(settings(oldProfile, true, false, false)).put(old.path("/email-settings")).then()
                .statusCode(403);
    }

    @Test
    void aRoleAssignedThroughApprovalEventsGrantsAccess() {
        Fixtures.Env env = environment("ON_PREMISES", false);
        UUID newcomer = UUID.randomUUID();
        String token = Fixtures.token(newcomer, env.tenant(), "");
        as(token).get(env.path("")).then().statusCode(403);
        publishRoleAssigned(env.id(), newcomer, "System Administrator");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(token).get(env.path("")).then().statusCode(200));
        Fixtures.createProfile(new Fixtures.Env(env.id(), env.tenant(), newcomer, token),
                Fixtures.exchangeServerProfile("By the newcomer"));
    }

    private boolean hasRole(UUID environmentId, UUID userId, String role) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "select count(*) from environment_role where environment_id = ? and user_id = ? and role_name = ?")) {
            statement.setObject(1, environmentId);
            statement.setObject(2, userId);
            statement.setString(3, role);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    private static Map<String, Object> settings(String profile, boolean users, boolean queues, boolean selfApproval) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("defaultProfileId", profile);
        settings.put("incomingDeliveryMethod", "SERVER_SIDE_SYNC");
        settings.put("outgoingDeliveryMethod", "SERVER_SIDE_SYNC");
        settings.put("actDeliveryMethod", "SERVER_SIDE_SYNC");
        settings.put("processEmailsOnlyForApprovedUsers", users);
        settings.put("processEmailsOnlyForApprovedQueues", queues);
        settings.put("requirePrivilegeToSelfApproveEmailAddress", selfApproval);
        settings.put("notifyMailboxOwner", false);
        return settings;
    }

    /** What approval-service publishes when it assigns a role (SPEC §7), written as a plain producer would. */
    static void publishRoleAssigned(UUID environmentId, UUID userId, String roleName) {
        RoleAssigned event = new RoleAssigned(environmentId, "USER", userId, UUID.randomUUID(), roleName, userId);
        ProducerRecord<String, String> record = new ProducerRecord<>(Fixtures.APPROVAL_TOPIC, userId.toString(),
                EventJson.write(event));
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, "io.exsync.role.assigned.v1");
        header(record, CloudEventHeaders.SOURCE, "/approval-service");
        header(record, CloudEventHeaders.SUBJECT, userId.toString());
        header(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
