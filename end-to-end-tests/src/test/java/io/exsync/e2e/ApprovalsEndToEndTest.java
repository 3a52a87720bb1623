package io.exsync.e2e;

import io.exsync.events.testing.PlainConsumer;
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
import static org.hamcrest.Matchers.hasItem;

/**
 * Approving mailbox addresses under each permission path, across mailbox-service (where mailboxes are born pending),
 * approval-service (the decision, its history and events) and back to mailbox-service (the approval column).
 */
@ExtendWith(ExSyncSystem.class)
class ApprovalsEndToEndTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    @Test
    void mailboxesAreApprovedByRoleByDelegatedApproverBySelfAndProgrammatically() {
        Client.Tenant t = Client.onlineTenant();
        String byRole = ProfilesAndMailboxesEndToEndTest.newUser(t, "By Role");
        String byDelegate = ProfilesAndMailboxesEndToEndTest.newUser(t, "By Delegate");
        String programmatic = ProfilesAndMailboxesEndToEndTest.newUser(t, "Programmatic");
        UUID self = UUID.randomUUID();
        String selfEmail = "self-" + self + "@contoso.com";
        String selfMailbox = as(t.adminToken()).body(Map.of("id", self.toString(), "fullName", "Self Approver",
                        "email", selfEmail, "userPrincipalName", selfEmail))
                .post(Client.mailboxes(t.environment()) + "/users").then().statusCode(201).extract().path("mailboxId");

        await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken()).queryParam("status", "PENDING_APPROVAL")
                .get(Client.approvals(t.environment()) + "/approvals").then().statusCode(200)
                .body("items.mailboxId", hasItem(selfMailbox)));

        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Client.topic("approval.events")))) {
            // R1 by role: a Global + Exchange administrator who is System Administrator of the environment.
            await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken())
                    .post(Client.approvals(t.environment()) + "/mailboxes/" + byRole + "/approve").then().statusCode(200)
                    .body("path", equalTo("ROLE")).body("rule", equalTo("R1")));

            // R1 through a Delegated Mailbox Approver who is also System Administrator (no tenant admin role).
            UUID delegate = UUID.randomUUID();
            String roles = Client.approvals(t.environment()) + "/users/" + delegate + "/roles";
            for (String role : List.of("System Administrator", "Delegated Mailbox Approver")) {
                as(t.adminToken()).body(Map.of("roleId", roleId(t, role))).post(roles).then().statusCode(201);
            }
            as(Client.token(delegate, t.id(), "")).post(Client.approvals(t.environment()) + "/mailboxes/" + byDelegate
                    + "/approve").then().statusCode(200).body("rule", equalTo("R1"));

            // Self-approval: the user's UPN is the address, MailboxWrite at USER depth (Basic User).
            as(t.adminToken()).body(Map.of("roleId", roleId(t, "Basic User")))
                    .post(Client.approvals(t.environment()) + "/users/" + self + "/roles").then().statusCode(201);
            as(Client.token(self, t.id(), "")).post(Client.approvals(t.environment()) + "/mailboxes/" + selfMailbox
                    + "/approve").then().statusCode(200).body("path", equalTo("SELF"));

            // Programmatic: one attribute only; refused for workflows.
            String workflow = Client.token(t.admin(), t.id(), "GlobalAdministrator,ExchangeAdministrator");
            as(io.exsync.support.TestTokens.exsyncToken("--sub", t.admin().toString(), "--tid", t.id(), "--groups",
                    "GlobalAdministrator,ExchangeAdministrator", "--ctx", "workflow"))
                    .body(Map.of("emailRouterAccessApproval", "APPROVED"))
                    .patch(Client.approvals(t.environment()) + "/mailboxes/" + programmatic + "/approval").then()
                    .statusCode(403);
            as(workflow).body(Map.of("emailRouterAccessApproval", "APPROVED", "note", "x"))
                    .patch(Client.approvals(t.environment()) + "/mailboxes/" + programmatic + "/approval").then()
                    .statusCode(400);
            as(workflow).body(Map.of("emailRouterAccessApproval", "APPROVED"))
                    .patch(Client.approvals(t.environment()) + "/mailboxes/" + programmatic + "/approval").then()
                    .statusCode(200).body("path", equalTo("PROGRAMMATIC"));

            List<String> approved = topic.await(r -> PlainConsumer.header(r, "ce_type")
                            .equals("io.exsync.approval.approved.v1") && t.environment().toString()
                            .equals(PlainConsumer.header(r, "exsync_environment")), 4, EVENTUAL)
                    .stream().map(r -> r.key()).toList();
            assertThat(approved).containsExactlyInAnyOrder(byRole, byDelegate, selfMailbox, programmatic);
        }
        for (String mailbox : List.of(byRole, byDelegate, selfMailbox, programmatic)) {
            await().atMost(EVENTUAL).untilAsserted(() -> as(t.adminToken())
                    .get(Client.mailboxes(t.environment()) + "/mailboxes/" + mailbox).then()
                    .body("emailAddressApproval", equalTo("APPROVED")));
        }
        as(t.adminToken()).get(Client.approvals(t.environment()) + "/mailboxes/" + byRole + "/approval-history").then()
                .statusCode(200).body("items[0].decision", equalTo("APPROVED")).body("items[0].rule", equalTo("R1"));
        // An Exchange administrator without an environment role may not approve (R1 needs System Administrator).
        String other = ProfilesAndMailboxesEndToEndTest.newUser(t, "Not Yours");
        await().atMost(EVENTUAL).untilAsserted(() -> as(Client.token(UUID.randomUUID(), t.id(), "ExchangeAdministrator"))
                .post(Client.approvals(t.environment()) + "/mailboxes/" + other + "/approve").then().statusCode(403));
    }

    static String roleId(Client.Tenant t, String name) {
        String[] id = new String[1];
        await().atMost(EVENTUAL).until(() -> {
            var response = as(t.adminToken()).queryParam("size", 500)
                    .get(Client.approvals(t.environment()) + "/security-roles").then().extract();
            if (response.statusCode() != 200) {
                return false;
            }
            List<Map<String, Object>> roles = response.path("items");
            id[0] = roles.stream().filter(r -> name.equals(r.get("name"))).map(r -> (String) r.get("id"))
                    .findFirst().orElse(null);
            return id[0] != null;
        });
        return id[0];
    }
}
