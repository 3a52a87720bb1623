package io.exsync.e2e;

import io.exsync.events.testing.PlainConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.e2e.Client.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Test &amp; Enable through the whole system against the exchange-simulator: one mailbox, then every mailbox of the
 * profile; status columns in mailbox-service, the job on the sync-worker, alerts on the walls of the mailbox owner
 * and the profile owner, and the events on the topics.
 */
@ExtendWith(ExSyncSystem.class)
class TestAndEnableEndToEndTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    @Test
    void testAndEnableOfOneMailboxAndOfAProfileSetsStatusesJobsAndAlerts() {
        Client.Tenant t = Client.onlineTenant();
        String simulator = ExSyncSystem.url("exchange-simulator");
        String app = "app-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID() + "@contoso.com";
        String denied = "denied-" + UUID.randomUUID() + "@contoso.com";
        // The simulator holds every tenant of this run; add ours without disturbing the others' scenario.
        given().contentType("application/json").body(Map.of("latencyMs", 0,
                        "tenants", List.of(Map.of("id", t.id(), "apps", List.of(Map.of("clientId", app, "clientSecret", Client.APP_SECRET)))),
                        "mailboxes", List.of(
                                Map.of("email", good, "tenant", t.id(), "password", Client.MAILBOX_PASSWORD, "behavior", Map.of("kind", "ok")),
                                Map.of("email", denied, "tenant", t.id(), "password", Client.MAILBOX_PASSWORD,
                                        "behavior", Map.of("kind", "unauthorized")))))
                .put(simulator + "/admin/scenario").then().statusCode(200);
        as(t.adminToken()).body(Map.of("clientId", app, "exchangeOnlineTenantId", t.id(),
                        "credentials", Map.of("clientSecret", Client.APP_SECRET), "authorityHost", simulator,
                        "defaultServerLocation", simulator))
                .patch(Client.profiles(t.environment()) + "/profiles/" + t.exchangeOnlineProfile()).then().statusCode(200);
        // No approval needed for this run (its own scenario covers approvals).
        as(t.adminToken()).body(Client.settings(t.exchangeOnlineProfile(), false, false))
                .put(Client.profiles(t.environment()) + "/email-settings").then().statusCode(200);
        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).get(Client.mailboxes(t.environment())
                + "/mailboxes/" + ProfilesAndMailboxesEndToEndTest.newUser(t, "Probe " + UUID.randomUUID())).then()
                .body("emailAddressApproval", equalTo("EMPTY")));
        String goodMailbox = user(t, "Good User", good);
        String deniedMailbox = user(t, "Denied User", denied);

        try (PlainConsumer sync = PlainConsumer.fromEnd(List.of(Client.topic("sync.events")))) {
            var accepted = as(t.adminToken()).post(Client.mailboxes(t.environment()) + "/mailboxes/" + goodMailbox
                    + "/test-and-enable").then().statusCode(202).extract();
            String location = accepted.header("Location");
            await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).get(location).then().statusCode(200)
                    .body("state", equalTo("COMPLETED")).body("succeeded", equalTo(1)));
            await().atMost(EVENTUAL).untilAsserted(() ->
                    as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + goodMailbox).then()
                            .body("incomingEmailStatus", equalTo("SUCCESS"))
                            .body("outgoingEmailStatus", equalTo("SUCCESS"))
                            .body("actStatus", equalTo("SUCCESS"))
                            .body("mailboxStatus", equalTo("SUCCESS"))
                            .body("enabledForIncomingEmail", equalTo(true)));
            List<ConsumerRecord<String, String>> completed = sync.await(r -> goodMailbox.equals(r.key())
                    && PlainConsumer.header(r, "ce_type").equals("io.exsync.mailbox-test.completed.v1"), 1, EVENTUAL);
            assertThat(completed.get(0).value()).contains("\"outcome\":\"SUCCEEDED\"");
        }

        var profileRun = as(t.adminToken()).post(Client.profiles(t.environment()) + "/profiles/"
                + t.exchangeOnlineProfile() + "/test-and-enable").then().statusCode(202).extract();
        String profileJob = profileRun.header("Location");
        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).get(profileJob).then().statusCode(200)
                .body("state", equalTo("COMPLETED"))
                // Only the scenario's "ok" mailbox can succeed; the denied one and the probe users (unknown to the
                // simulator) fail.
                .body("succeeded", equalTo(1)));
        await().atMost(EVENTUAL).untilAsserted(() ->
                as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + deniedMailbox).then()
                        .body("mailboxStatus", equalTo("FAILURE"))
                        .body("lastError.code", equalTo("CredentialsRejected"))
                        .body("enabledForIncomingEmail", equalTo(false)));
        // Alerts: the owner of the failed mailbox and the profile's owner both see the error.
        String deniedOwner = as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + deniedMailbox)
                .then().extract().path("ownerId");
        await().atMost(EVENTUAL).untilAsserted(() -> {
            as(t.adminToken()).queryParam("recipientId", deniedOwner).queryParam("level", "ERROR")
                    .get(Client.mailboxes(t.environment()) + "/alerts").then()
                    .body("items.code", org.hamcrest.Matchers.hasItem("CredentialsRejected"));
            as(t.adminToken()).queryParam("recipientId", t.admin().toString()).queryParam("level", "ERROR")
                    .get(Client.mailboxes(t.environment()) + "/alerts").then()
                    .body("items.code", org.hamcrest.Matchers.hasItem("CredentialsRejected"));
            as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + goodMailbox + "/alerts").then()
                    .body("items.level", org.hamcrest.Matchers.hasItem("INFORMATION"));
        });
    }

    private static String user(Client.Tenant t, String name, String email) {
        return as(t.adminToken()).body(Map.of("fullName", name, "email", email, "userPrincipalName", email))
                .post(Client.mailboxes(t.environment()) + "/users").then().statusCode(201).extract().path("mailboxId");
    }
}
