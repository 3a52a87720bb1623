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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The administrator's procedures of the seed, across profile-service and mailbox-service, as a client sees them:
 * HTTP responses and the events on the topics.
 */
@ExtendWith(ExSyncSystem.class)
class ProfilesAndMailboxesEndToEndTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    @Test
    void anOnlineEnvironmentIsBornWithTheMicrosoftExchangeOnlineDefaultProfile() {
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Client.topic("profile.events")))) {
            Client.Tenant t = Client.onlineTenant();
            as(t.adminToken()).get(Client.profiles(t.environment()) + "/profiles").then().statusCode(200)
                    .body("items[0].name", equalTo("Microsoft Exchange Online"))
                    .body("items[0].serverType", equalTo("EXCHANGE_ONLINE"))
                    .body("items[0].authenticationType", equalTo("SERVER_TO_SERVER"))
                    .body("items[0].isDefault", equalTo(true));
            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> t.environment().toString().equals(PlainConsumer.header(r, "exsync_environment")), 4, EVENTUAL);
            assertThat(events).extracting(r -> PlainConsumer.header(r, "ce_type")).containsExactlyInAnyOrder(
                    "io.exsync.environment.registered.v1", "io.exsync.profile.created.v1",
                    "io.exsync.profile.default-changed.v1", "io.exsync.email-settings.changed.v1");
        }
    }

    @Test
    void newUsersGetTheDefaultsAndAnApplyDefaultSettingsRunTestsExistingMailboxes() {
        Client.Tenant t = Client.onlineTenant();
        // An Exchange Server profile becomes the default, with Outlook for ACT.
        String ews = as(t.adminToken()).body(Map.of("name", "Contoso Exchange Server", "serverType", "EXCHANGE_SERVER",
                        "credentials", Map.of("username", "svc@contoso.com", "password", Client.SERVICE_ACCOUNT_PASSWORD)))
                .post(Client.profiles(t.environment()) + "/profiles").then().statusCode(201).extract().path("id");
        String early = newUser(t, "Early Bird");
        Map<String, Object> settings = new java.util.HashMap<>(Client.settings(UUID.fromString(ews), true, true));
        settings.put("actDeliveryMethod", "OUTLOOK");
        as(t.adminToken()).body(settings).put(Client.profiles(t.environment()) + "/email-settings").then().statusCode(200);

        await().atMost(EVENTUAL).untilAsserted(() -> {
            String late = newUser(t, "Late Comer " + UUID.randomUUID());
            as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + late).then()
                    .body("profileId", equalTo(ews))
                    .body("actDeliveryMethod", equalTo("OUTLOOK"))
                    .body("emailAddressApproval", equalTo("PENDING_APPROVAL"));
        });
        as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + early).then()
                .body("profileId", equalTo(t.exchangeOnlineProfile().toString()));

        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Client.topic("mailbox.events")))) {
            var accepted = as(t.adminToken()).body(Map.of("ids", List.of(early)))
                    .post(Client.mailboxes(t.environment()) + "/mailboxes/apply-default-settings").then()
                    .statusCode(202).extract();
            String jobId = accepted.path("jobId");
            assertThat(accepted.header("Location")).isEqualTo(ExSyncSystem.url("sync-worker") + "/api/v1/jobs/" + jobId);
            as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + early).then()
                    .body("profileId", equalTo(ews)).body("actDeliveryMethod", equalTo("OUTLOOK"));
            List<ConsumerRecord<String, String>> requested = topic.await(r -> early.equals(r.key())
                    && PlainConsumer.header(r, "ce_type").equals("io.exsync.mailbox.test-requested.v1"), 1, EVENTUAL);
            assertThat(requested).hasSize(1);
            assertThat(requested.get(0).value()).contains(jobId, ews);
        }
    }

    @Test
    void bulkEditChangesEveryMailboxOrNone() {
        Client.Tenant t = Client.onlineTenant();
        String a = newUser(t, "Bulk One");
        String b = newUser(t, "Bulk Two");
        String url = Client.mailboxes(t.environment()) + "/mailboxes/bulk-edit";
        as(t.adminToken()).body(Map.of("ids", List.of(a, b, UUID.randomUUID().toString()),
                "changes", Map.of("outgoingDeliveryMethod", "NONE"))).post(url).then().statusCode(400);
        as(t.adminToken()).body(Map.of("ids", List.of(a, b), "changes", Map.of("outgoingDeliveryMethod", "NONE")))
                .post(url).then().statusCode(200).body("updated", equalTo(2));
        as(t.adminToken()).queryParam("outgoingStatus", "NOT_RUN").get(Client.mailboxes(t.environment()) + "/mailboxes")
                .then().statusCode(200);
        for (String id : List.of(a, b)) {
            as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + id).then()
                    .body("outgoingDeliveryMethod", equalTo("NONE"));
        }
    }

    @Test
    void removingTheApprovalRequirementTakesEffectForNewMailboxes() {
        Client.Tenant t = Client.onlineTenant();
        as(t.adminToken()).body(Client.settings(t.exchangeOnlineProfile(), false, false))
                .put(Client.profiles(t.environment()) + "/email-settings").then().statusCode(200)
                .body("processEmailsOnlyForApprovedUsers", equalTo(false));
        await().atMost(EVENTUAL).untilAsserted(() ->
                as(t.adminToken()).get(Client.mailboxes(t.environment()) + "/mailboxes/" + newUser(t, "Free " + UUID.randomUUID()))
                        .then().body("emailAddressApproval", equalTo("EMPTY")));
    }

    @Test
    void theEwsEndpointMovesToTheChinaCloudAndTheChangeIsPublished() {
        Client.Tenant t = Client.onlineTenant();
        String id = as(t.adminToken()).body(Map.of("name", "Contoso 21Vianet", "serverType", "EXCHANGE_SERVER",
                        "credentials", Map.of("username", "svc@contoso.cn", "password", Client.SERVICE_ACCOUNT_PASSWORD)))
                .post(Client.profiles(t.environment()) + "/profiles").then().statusCode(201).extract().path("id");
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Client.topic("profile.events")))) {
            as(t.adminToken()).body(Map.of("defaultServerLocation", "https://partner.outlook.cn/EWS/Exchange.asmx",
                            "serverAuthority", "CHINA_21VIANET"))
                    .patch(Client.profiles(t.environment()) + "/profiles/" + id).then().statusCode(200)
                    .body("defaultServerLocation", equalTo("https://partner.outlook.cn/EWS/Exchange.asmx"));
            assertThat(topic.await(r -> id.equals(r.key())
                    && PlainConsumer.header(r, "ce_type").equals("io.exsync.profile.updated.v1"), 1, EVENTUAL)).hasSize(1);
        }
    }

    /** Creates a user once mailbox-service knows the environment (its read model follows profile events). */
    static String newUser(Client.Tenant t, String name) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + UUID.randomUUID().toString()
                .substring(0, 6) + "@contoso.com";
        String[] mailbox = new String[1];
        await().atMost(EVENTUAL).until(() -> {
            var response = as(t.adminToken()).body(Map.of("fullName", name, "email", email, "userPrincipalName", email))
                    .post(Client.mailboxes(t.environment()) + "/users").then().extract();
            mailbox[0] = response.statusCode() == 201 ? response.path("mailboxId") : null;
            return mailbox[0] != null;
        });
        return mailbox[0];
    }
}
