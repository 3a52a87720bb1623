package io.exsync.worker.service;

import io.exsync.events.CloudEventHeaders;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.exsync.events.testing.TestSchema;
import io.exsync.worker.ExchangeSimulatorResource;
import io.exsync.worker.TestConnections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.worker.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §6: more than half of a profile's mailboxes failing within an hour, with {@code sendAlertEmailToOwner} on,
 * raises one profile-level alert to the profile's owner, as a plain Kafka consumer of the alert topic sees it.
 * Runs are profile-wide jobs registered like profile-service does, so the job's total is the profile's size.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class ProfileAlertTest {

    private static final String PROFILE_ALERT = "ProfileMailboxesFailing";

    @Inject
    TestConnections connections;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void workerListens() {
        awaitConsumersReady();
    }

    /** A profile in the worker's read model, with its alert switch. */
    private record Profile(UUID environmentId, UUID id, UUID ownerId, String name) {
    }

    private Profile profile(String name, boolean sendAlertEmailToOwner) {
        Profile profile = new Profile(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), name);
        profileCreated(profile.environmentId(), profile.id(), name, profile.ownerId(), sendAlertEmailToOwner);
        await().atMost(Duration.ofSeconds(30)).until(() -> switchIs(profile.id(), sendAlertEmailToOwner));
        connections.put(graph(profile.id(), 10000));
        return profile;
    }

    /** One profile-wide run over the given mailboxes (email to mailbox id); every record until it completed. */
    private List<ConsumerRecord<String, String>> run(Profile profile, Map<String, UUID> mailboxes) {
        UUID jobId = UUID.randomUUID();
        registerProfileJob(jobId, profile.environmentId(), profile.id(), mailboxes.size());
        try (PlainConsumer consumer = consumer()) {
            mailboxes.forEach((email, mailboxId) -> {
                TestAndEnableRequested r = request(profile.environmentId(), jobId, mailboxes.size(), profile.id(),
                        email);
                publish(new TestAndEnableRequested(r.environmentId(), mailboxId, r.jobId(), r.jobTotal(),
                        r.emailAddress(), r.regarding(), r.ownerId(), r.profileId(), r.incomingDeliveryMethod(),
                        r.outgoingDeliveryMethod(), r.actDeliveryMethod(), r.emailAddressApproval(),
                        r.approvalRequired(), r.requestedBy()));
            });
            List<ConsumerRecord<String, String>> records = recordsUntilCompleted(consumer, jobId);
            awaitJob(jobId, "COMPLETED");
            return records;
        }
    }

    private static Map<String, UUID> mailboxes(String domain, int failing, int ok) {
        Map<String, UUID> all = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> scenario = new ArrayList<>();
        for (int i = 1; i <= failing; i++) {
            scenario.add(mailbox("denied" + i + "@" + domain, kind("unauthorized")));
        }
        for (int i = 1; i <= ok; i++) {
            scenario.add(mailbox("ok" + i + "@" + domain, kind("ok")));
        }
        scenario(scenario);
        scenario.forEach(m -> all.put((String) m.get("email"), UUID.randomUUID()));
        return all;
    }

    private static List<ConsumerRecord<String, String>> profileAlerts(List<ConsumerRecord<String, String>> records,
                                                                      Profile profile) {
        return records.stream().filter(r -> ceType(r).equals("io.exsync.alert.raised.v1")
                && r.key().equals(profile.id().toString())).toList();
    }

    @Test
    void mostMailboxesFailingRaiseOneProfileAlertToTheOwnerEvenAfterMoreFailures() {
        Profile profile = profile("Contoso Failing", true);
        Map<String, UUID> mailboxes = mailboxes("failing.contoso.com", 3, 1);

        List<ConsumerRecord<String, String>> first = run(profile, mailboxes);
        List<ConsumerRecord<String, String>> alerts = profileAlerts(first, profile);
        assertThat(alerts).as("profile-level alerts").hasSize(1);
        ConsumerRecord<String, String> record = alerts.get(0);
        assertThat(record.topic()).isEqualTo(ALERT_TOPIC);
        assertThat(PlainConsumer.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(profile.id().toString());
        JsonPath alert = JsonPath.from(record.value());
        assertThat(alert.getString("environmentId")).isEqualTo(profile.environmentId().toString());
        assertThat(alert.getString("level")).isEqualTo("ERROR");
        assertThat(alert.getString("code")).isEqualTo(PROFILE_ALERT);
        assertThat(alert.getString("workload")).isNull();
        assertThat(alert.getString("regarding.type")).isEqualTo("PROFILE");
        assertThat(alert.getString("regarding.id")).isEqualTo(profile.id().toString());
        assertThat(alert.getString("regarding.name")).isEqualTo("Contoso Failing");
        assertThat(alert.getList("recipientIds")).containsExactly(profile.ownerId().toString());
        assertThat(alert.getString("message")).contains("Contoso Failing", "(3 of 4)", "credentials");
        assertThat(alert.getInt("count")).isEqualTo(1);
        // the mailboxes still get their own alerts
        assertThat(first).filteredOn(r -> ceType(r).equals("io.exsync.alert.raised.v1")
                && JsonPath.from(r.value()).getString("code").equals("CredentialsRejected")).hasSize(3 * 3);

        // the same mailboxes fail again within the hour: no second profile-level alert
        List<ConsumerRecord<String, String>> again = run(profile, mailboxes);
        assertThat(profileAlerts(again, profile)).as("profile-level alerts of the second run").isEmpty();
        assertThat(again).filteredOn(r -> ceType(r).equals("io.exsync.mailbox-test.completed.v1")).hasSize(4);
    }

    @Test
    void noProfileAlertWhenTheSwitchIsOff() {
        Profile profile = profile("Contoso Quiet", false);
        List<ConsumerRecord<String, String>> records = run(profile, mailboxes("quiet.contoso.com", 3, 1));
        assertThat(profileAlerts(records, profile)).isEmpty();
        assertThat(records).filteredOn(r -> ceType(r).equals("io.exsync.alert.raised.v1")
                && JsonPath.from(r.value()).getString("code").equals(PROFILE_ALERT)).isEmpty();
    }

    @Test
    void noProfileAlertWhenAtMostHalfOfTheMailboxesFail() {
        Profile profile = profile("Contoso Half", true);
        List<ConsumerRecord<String, String>> records = run(profile, mailboxes("half.contoso.com", 2, 2));
        assertThat(records).filteredOn(r -> ceType(r).equals("io.exsync.mailbox-test.completed.v1")
                && JsonPath.from(r.value()).getString("outcome").equals("FAILED")).hasSize(2);
        assertThat(profileAlerts(records, profile)).isEmpty();
    }

    private boolean switchIs(UUID profileId, boolean on) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "select send_alert_email_to_owner from profile_info where profile_id = ?")) {
            statement.setObject(1, profileId);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1) == on;
            }
        }
    }
}
