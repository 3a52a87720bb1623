package io.exsync.approval.rest;

import io.exsync.approval.ExpectedApprovalMatrix;
import io.exsync.approval.ExpectedApprovalMatrix.Cell;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.approval.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1 of issue 5 over the HTTP API: every cell of SPEC §5 (deployment x profile class x tenant roles x
 * environment roles x privilege x version) approves its own pending mailbox, and the answer must be the one
 * written out in {@link ExpectedApprovalMatrix}.
 *
 * <p>How the cells are reached: eight environments (deployment x version at/below the gate x privilege). In the
 * "privilege present" ones every caller also holds a custom role with ApproveEmailAddressesForUsersOrQueues (so
 * "no environment role" still has the privilege). The API never changes a built-in role, so the "privilege
 * absent" environments have it removed from System Administrator and Delegated Mailbox Approver in the database.
 * Below the gate the API refuses to assign Delegated Mailbox Approver (tested in DelegatedMailboxApproverTest), so
 * there the assignment is written directly: the decision must still not count the role.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ApprovalMatrixTest {

    private static final String APPROVE = "ApproveEmailAddressesForUsersOrQueues";

    @Test
    void everyCellOfTheSpecMatrixAnswersAsTheSpecSays() {
        List<Cell> cells = ExpectedApprovalMatrix.cells();
        assertThat(cells).hasSize(320);

        Map<String, Fixtures.Env> environments = new HashMap<>();
        Map<String, UUID> users = new HashMap<>();
        for (String deployment : List.of("ONLINE", "ON_PREMISES")) {
            for (boolean atGate : new boolean[]{true, false}) {
                for (boolean privilege : new boolean[]{true, false}) {
                    Fixtures.Env env = Fixtures.environment(deployment, atGate ? Fixtures.GATE : Fixtures.BELOW_GATE);
                    environments.put(envKey(deployment, atGate, privilege), env);
                    prepareUsers(env, atGate, privilege, users);
                }
            }
        }

        Map<Cell, UUID> mailboxes = new HashMap<>();
        List<MailboxCreated> created = new ArrayList<>();
        for (Cell cell : cells) {
            Fixtures.Env env = environments.get(envKey(cell.deployment(), cell.atGate(), cell.privilege()));
            MailboxCreated mailbox = Fixtures.pendingMailbox(env, env.profile(cell.serverClass()),
                    "cell-" + UUID.randomUUID() + "@contoso.com", "USER", UUID.randomUUID());
            created.add(mailbox);
            mailboxes.put(cell, mailbox.mailboxId());
        }
        Fixtures.publish(created.toArray(new MailboxCreated[0]));
        Fixtures.awaitMailboxes(mailboxes.values());

        List<String> failures = new ArrayList<>();
        for (Cell cell : cells) {
            Fixtures.Env env = environments.get(envKey(cell.deployment(), cell.atGate(), cell.privilege()));
            UUID user = users.get(env.id() + "/" + cell.env());
            String token = Fixtures.token(user, env.tenant(), cell.tenantGroups().toArray(new String[0]));
            ExtractableResponse<?> response = as(token).post(env.path("/mailboxes/" + mailboxes.get(cell) + "/approve"))
                    .then().extract();
            if (cell.allowed()) {
                if (response.statusCode() != 200 || !cell.expected().equals(response.path("path"))
                        || !cell.rule().equals(response.path("rule")) || !"APPROVED".equals(response.path("status"))) {
                    failures.add(cell + ": expected 200 " + cell.expected() + " " + cell.rule() + ", got "
                            + response.statusCode() + " " + response.body().asString());
                }
            } else if (response.statusCode() != 403 || !"Forbidden".equals(response.path("code"))
                    || !((String) response.path("detail")).startsWith(cell.rule() + ":")) {
                failures.add(cell + ": expected 403 by " + cell.rule() + ", got " + response.statusCode() + " "
                        + response.body().asString());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String envKey(String deployment, boolean atGate, boolean privilege) {
        return deployment + "/" + atGate + "/" + privilege;
    }

    /** Four users per environment, one per environment-role column: none, SA, DMA, SA+DMA. */
    private static void prepareUsers(Fixtures.Env env, boolean atGate, boolean privilege, Map<String, UUID> users) {
        String systemAdministrator = Fixtures.roleId(env, "System Administrator");
        String delegatedApprover = Fixtures.roleId(env, "Delegated Mailbox Approver");
        String approvers = privilege ? Fixtures.customRole(env, "Approvers", Map.of(APPROVE, "ORGANIZATION")) : null;
        if (!privilege) {
            Fixtures.execute("delete from role_privilege where name = ? and role_id in "
                    + "(select id from security_role where environment_id = ? and built_in)", APPROVE, env.id());
        }
        for (String column : List.of("-", "SA", "DMA", "SA+DMA")) {
            UUID user = UUID.randomUUID();
            users.put(env.id() + "/" + column, user);
            if (approvers != null) {
                Fixtures.assign(env, user, approvers);
            }
            if (column.contains("SA")) {
                Fixtures.assign(env, user, systemAdministrator);
            }
            if (column.contains("DMA")) {
                if (atGate) {
                    Fixtures.assign(env, user, delegatedApprover);
                } else {
                    Fixtures.execute("insert into role_assignment (environment_id, principal_type, principal_id, "
                            + "role_id, assigned_on) values (?, 'USER', ?, ?, now())", env.id(), user,
                            UUID.fromString(delegatedApprover));
                }
            }
        }
    }
}
