package io.exsync.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.e2e.Client.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;

/**
 * SPEC §4: the Location of every 202 that starts Test &amp; Enable is readable on the sync-worker at once (profile-
 * and mailbox-service register the job before answering); a profile without mailboxes ends COMPLETED; and SPEC §5:
 * a user's Test &amp; Enable of their own pending mailbox approves it (path SELF_VIA_TEST_AND_ENABLE) and tests it.
 */
@ExtendWith(ExSyncSystem.class)
class JobLocationEndToEndTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final List<String> QUEUED_OR_LATER = List.of("QUEUED", "RUNNING", "COMPLETED");

    @Test
    void theLocationOfEvery202IsReadableAtOnceAndAnEmptyProfileCompletes() {
        Client.Tenant t = Client.onlineTenant();
        String empty = as(t.adminToken()).body(Map.of("name", "Empty " + UUID.randomUUID(),
                        "serverType", "EXCHANGE_ONLINE"))
                .post(Client.profiles(t.environment()) + "/profiles").then().statusCode(201).extract().path("id");

        // A profile without mailboxes: its job completes (total 0) instead of staying QUEUED.
        String emptyJob = as(t.adminToken()).post(Client.profiles(t.environment()) + "/profiles/" + empty
                + "/test-and-enable").then().statusCode(202).extract().header("Location");
        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).get(emptyJob).then().statusCode(200)
                .body("kind", equalTo("PROFILE")).body("state", equalTo("COMPLETED")).body("total", equalTo(0)));

        // The worker now knows the environment's tenant: from here every Location answers at once.
        String mailbox = ProfilesAndMailboxesEndToEndTest.newUser(t, "Located");
        String one = as(t.adminToken()).post(Client.mailboxes(t.environment()) + "/mailboxes/" + mailbox
                + "/test-and-enable").then().statusCode(202).extract().header("Location");
        as(t.adminToken()).get(one).then().statusCode(200).body("kind", equalTo("MAILBOXES"))
                .body("total", equalTo(1)).body("state", in(QUEUED_OR_LATER));

        String bulk = as(t.adminToken()).body(Map.of("ids", List.of(mailbox)))
                .post(Client.mailboxes(t.environment()) + "/mailboxes/test-and-enable").then().statusCode(202)
                .extract().header("Location");
        as(t.adminToken()).get(bulk).then().statusCode(200).body("state", in(QUEUED_OR_LATER));

        String profileRun = as(t.adminToken()).post(Client.profiles(t.environment()) + "/profiles/"
                + t.exchangeOnlineProfile() + "/test-and-enable").then().statusCode(202).extract().header("Location");
        as(t.adminToken()).get(profileRun).then().statusCode(200).body("kind", equalTo("PROFILE"))
                .body("state", in(QUEUED_OR_LATER));
    }

    @Test
    void testAndEnableOfTheirOwnMailboxApprovesItViaTheRun() {
        Client.Tenant t = Client.onlineTenant();
        String simulator = ExSyncSystem.url("exchange-simulator");
        String app = "app-" + UUID.randomUUID();
        UUID self = UUID.randomUUID();
        String email = "self-" + self + "@contoso.com";
        given().contentType("application/json").body(Map.of("latencyMs", 0,
                        "tenants", List.of(Map.of("id", t.id(), "apps", List.of(Map.of("clientId", app,
                                "clientSecret", Client.APP_SECRET)))),
                        "mailboxes", List.of(Map.of("email", email, "tenant", t.id(), "password", Client.MAILBOX_PASSWORD,
                                "behavior", Map.of("kind", "ok")))))
                .put(simulator + "/admin/scenario").then().statusCode(200);
        as(t.adminToken()).body(Map.of("clientId", app, "exchangeOnlineTenantId", t.id(),
                        "credentials", Map.of("clientSecret", Client.APP_SECRET), "authorityHost", simulator,
                        "defaultServerLocation", simulator))
                .patch(Client.profiles(t.environment()) + "/profiles/" + t.exchangeOnlineProfile()).then()
                .statusCode(200);
        // Approval required for users (the default), self-approval switch off (the default). A first user waits until
        // mailbox-service knows the environment.
        ProfilesAndMailboxesEndToEndTest.newUser(t, "Probe");
        String mailbox = as(t.adminToken()).body(Map.of("id", self.toString(), "fullName", "Self Tester",
                        "email", email, "userPrincipalName", email))
                .post(Client.mailboxes(t.environment()) + "/users").then().statusCode(201)
                .body("mailboxId", org.hamcrest.Matchers.notNullValue()).extract().path("mailboxId");
        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).queryParam("status", "PENDING_APPROVAL")
                .get(Client.approvals(t.environment()) + "/approvals").then().statusCode(200)
                .body("items.mailboxId", hasItem(mailbox)));
        // Basic User: MailboxWrite at USER depth (approval-service, and mailbox-service's read model of roles).
        as(t.adminToken()).body(Map.of("roleId", ApprovalsEndToEndTest.roleId(t, "Basic User")))
                .post(Client.approvals(t.environment()) + "/users/" + self + "/roles").then().statusCode(201);

        String selfToken = Client.token(self, t.id(), "");
        String[] location = new String[1];
        await().atMost(EVENTUAL).until(() -> {
            var response = as(selfToken).post(Client.mailboxes(t.environment()) + "/mailboxes/" + mailbox
                    + "/test-and-enable").then().extract();
            location[0] = response.statusCode() == 202 ? response.header("Location") : null;
            return location[0] != null;
        });
        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).get(location[0]).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("succeeded", equalTo(1)));
        as(t.adminToken()).get(Client.approvals(t.environment()) + "/mailboxes/" + mailbox + "/approval-history")
                .then().statusCode(200).body("items[0].decision", equalTo("APPROVED"))
                .body("items[0].path", equalTo("SELF_VIA_TEST_AND_ENABLE")).body("items[0].rule", equalTo("SELF"))
                .body("items[0].actorId", equalTo(self.toString()));
        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken())
                .get(Client.mailboxes(t.environment()) + "/mailboxes/" + mailbox).then()
                .body("emailAddressApproval", equalTo("APPROVED")).body("mailboxStatus", equalTo("SUCCESS")));
    }
}
