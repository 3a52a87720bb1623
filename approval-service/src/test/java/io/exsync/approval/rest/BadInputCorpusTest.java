package io.exsync.approval.rest;

import io.exsync.events.testing.TestTopics;
import io.exsync.support.HostileBodies;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.exsync.approval.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad bodies against every write endpoint (issue 9): hand-written cases get a 400 problem body; the
 * generated hostile bodies (service-support's {@code HostileBodies}), ids of another environment and hostile path
 * ids a 4xx problem body that echoes nothing; nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BadInputCorpusTest {

    @Test
    void everyBadBodyGets400AndNothingIsWritten() {
        Fixtures.Env env = Fixtures.environment("ONLINE", Fixtures.GATE);
        UUID mailbox = Fixtures.mailbox(env, "EXCHANGE_ONLINE");
        String custom = Fixtures.customRole(env, "Clerks", Map.of("MailboxWrite", "USER"));
        String team = as(env.adminToken()).body(Map.of("name", "Team")).post(env.path("/teams")).then()
                .statusCode(201).extract().path("id");
        String role = Fixtures.roleId(env, "Basic User");
        String huge = "h".repeat(100_000);

        Map<String, Function<String, ExtractableResponse<?>>> endpoints = new LinkedHashMap<>();
        Map<String, List<String>> corpus = new LinkedHashMap<>();
        endpoints.put("create role", body -> as(env.adminToken()).body(body).post(env.path("/security-roles")).then().extract());
        corpus.put("create role", List.of("", "name=x", "{\"name\":\"x\",", "[]", "\"role\"", "null", "{}",
                "{\"name\":\"  \"}", "{\"name\":\"" + "n".repeat(101) + "\"}", "{\"name\":\"" + huge + "\"}",
                "{\"name\":12}", "{\"name\":{\"a\":1}}", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"x\",\"colour\":\"red\"}",
                "{\"name\":\"x\",\"builtIn\":true}", "{\"name\":\"x\",\"privileges\":\"all\"}",
                "{\"name\":\"x\",\"privileges\":[{\"name\":\"Teleport\",\"depth\":\"USER\"}]}",
                "{\"name\":\"x\",\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":\"GALAXY\"}]}",
                "{\"name\":\"x\",\"privileges\":[{\"name\":\"MailboxWrite\"}]}",
                "{\"name\":\"x\",\"privileges\":[null]}",
                "{\"name\":\"x\",\"privileges\":[\"MailboxWrite\"]}",
                "{\"name\":\"x\",\"privileges\":[{\"name\":\"mailboxwrite\",\"depth\":\"USER\"}]}",
                "{\"name\":\"x\",\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":0}]}",
                "{\"name\":\"x\",\"name\":\"y\"}",
                "{\"name\":\"x\",\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":\"USER\"},"
                        + "{\"name\":\"MailboxWrite\",\"depth\":\"ORGANIZATION\"}]}"));
        endpoints.put("replace privileges", body -> as(env.adminToken()).body(body)
                .put(env.path("/security-roles/" + custom + "/privileges")).then().extract());
        corpus.put("replace privileges", List.of("{}", "{\"privileges\":null}", "[]",
                "{\"privileges\":[{\"name\":\"Fly\",\"depth\":\"USER\"}]}",
                "{\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":\"user\"}]}",
                "{\"privileges\":[{\"name\":\"MailboxRead\",\"depth\":\"USER\"},{\"name\":\"MailboxRead\",\"depth\":\"USER\"}]}"));
        endpoints.put("create team", body -> as(env.adminToken()).body(body).post(env.path("/teams")).then().extract());
        corpus.put("create team", List.of("{}", "{\"name\":\"\"}", "{\"name\":\"" + "t".repeat(101) + "\"}",
                "{\"name\":[\"a\"]}", "{\"name\":\"\\u0007\"}"));
        endpoints.put("assign to user", body -> as(env.adminToken()).body(body)
                .post(env.path("/users/" + UUID.randomUUID() + "/roles")).then().extract());
        corpus.put("assign to user", List.of("{}", "{\"roleId\":\"abc\"}", "{\"roleId\":12}", "{\"roleId\":null}",
                "{\"roleId\":\"" + role + "\",\"depth\":\"USER\"}"));
        endpoints.put("assign to team", body -> as(env.adminToken()).body(body)
                .post(env.path("/teams/" + team + "/roles")).then().extract());
        corpus.put("assign to team", List.of("{}", "{\"roleId\":[]}"));
        endpoints.put("programmatic approval", body -> as(env.adminToken()).body(body)
                .patch(env.path("/mailboxes/" + mailbox + "/approval")).then().extract());
        corpus.put("programmatic approval", List.of("", "{}", "null", "[]", "\"APPROVED\"",
                "{\"emailRouterAccessApproval\":\"REJECTED\"}", "{\"emailRouterAccessApproval\":\"approved\"}",
                "{\"emailRouterAccessApproval\":true}", "{\"emailRouterAccessApproval\":null}",
                "{\"emailRouterAccessApproval\":\"APPROVED\",\"state\":\"ACTIVE\"}",
                "{\"emailRouterAccessApproval\":\"APPROVED\",\"emailRouterAccessApproval\":\"APPROVED\"}",
                "{\"emailrouteraccessapproval\":\"APPROVED\"}", "{\"emailRouterAccessApproval\":\"APPROVED\"} x"));
        endpoints.put("self-approve via test", body -> as(Fixtures.serviceToken()).body(body)
                .post("/api/v1/internal/mailboxes/" + mailbox + "/self-approve-via-test").then().extract());
        corpus.put("self-approve via test", List.of("{}", "{\"userId\":\"me\"}", "{\"userId\":null}"));

        // Generated from a valid body of each endpoint (service-support's HostileBodies), on top of the cases above.
        Map<String, List<HostileBodies.Body>> generated = new LinkedHashMap<>();
        generated.put("create role", HostileBodies.of("POST /security-roles",
                        "{\"name\":\"Auditors\",\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":\"USER\"}]}")
                .required("name").plainText("name").bodies());
        generated.put("replace privileges", HostileBodies.of("PUT /security-roles/{id}/privileges",
                        "{\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":\"ORGANIZATION\"}]}")
                .required("privileges").bodies());
        generated.put("create team", HostileBodies.of("POST /teams", Map.of("name", "Auditors"))
                .required("name").plainText("name").bodies());
        generated.put("assign to user", HostileBodies.of("POST /users/{id}/roles", Map.of("roleId", role))
                .required("roleId").ids("roleId").bodies());
        generated.put("assign to team", HostileBodies.of("POST /teams/{id}/roles", Map.of("roleId", role))
                .required("roleId").ids("roleId").bodies());
        generated.put("programmatic approval", HostileBodies.of("PATCH /mailboxes/{id}/approval",
                        Map.of("emailRouterAccessApproval", "APPROVED"))
                .required("emailRouterAccessApproval").enums("emailRouterAccessApproval").bodies());
        generated.put("self-approve via test", HostileBodies.of("POST /internal/mailboxes/{id}/self-approve-via-test",
                        Map.of("userId", env.adminId().toString()))
                .required("userId").ids("userId").bodies());
        // Ids of another environment: its roles cannot be assigned here.
        Fixtures.Env other = Fixtures.environment("ONLINE", Fixtures.GATE);
        String otherRole = Fixtures.roleId(other, "Basic User");
        String otherCustom = Fixtures.customRole(other, "Elsewhere", Map.of("MailboxWrite", "USER"));
        generated.get("assign to user").add(new HostileBodies.Body("POST /users/{id}/roles: role of another environment",
                "{\"roleId\":\"" + otherRole + "\"}"));
        generated.get("assign to team").add(new HostileBodies.Body("POST /teams/{id}/roles: role of another environment",
                "{\"roleId\":\"" + otherCustom + "\"}"));
        endpoints.put("privileges of another environment's role", body -> as(env.adminToken()).body(body)
                .put(env.path("/security-roles/" + otherCustom + "/privileges")).then().extract());
        generated.put("privileges of another environment's role", List.of(new HostileBodies.Body(
                "PUT /security-roles/{id}/privileges: role of another environment",
                "{\"privileges\":[{\"name\":\"MailboxWrite\",\"depth\":\"ORGANIZATION\"}]}")));
        // The POSTs without a body: hostile ids in the path are a 404 problem.
        for (String action : List.of("approve", "reject")) {
            endpoints.put(action, id -> as(env.adminToken()).body("{}")
                    .post(env.path("/mailboxes/{id}/" + action), id).then().extract());
            generated.put(action, HostileBodies.hostileIds("POST /mailboxes/{id}/" + action));
        }

        Map<String, Long> before = counts(env.id());
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (var entry : corpus.entrySet()) {
            for (String body : entry.getValue()) {
                total++;
                ExtractableResponse<?> response = endpoints.get(entry.getKey()).apply(body);
                String contentType = response.contentType();
                if (response.statusCode() != 400 || contentType == null
                        || !contentType.startsWith("application/problem+json")
                        || response.body().asString().contains("Exception")) {
                    failures.add(entry.getKey() + " " + abbreviate(body) + " -> " + response.statusCode() + " "
                            + contentType + " " + response.body().asString());
                }
            }
        }
        Map<String, Integer> perEndpoint = new LinkedHashMap<>();
        corpus.forEach((endpoint, bodies) -> perEndpoint.merge(endpoint, bodies.size(), Integer::sum));
        for (var entry : generated.entrySet()) {
            perEndpoint.merge(entry.getKey(), entry.getValue().size(), Integer::sum);
            for (HostileBodies.Body body : entry.getValue()) {
                total++;
                String wrong = HostileBodies.verdict(body, endpoints.get(entry.getKey()).apply(body.json()));
                if (wrong != null) {
                    failures.add(wrong);
                }
            }
        }
        System.out.printf("approval-service hostile bodies: %d %s%n", total, perEndpoint);
        assertThat(total).isGreaterThanOrEqualTo(200);
        assertThat(failures).isEmpty();
        assertThat(counts(env.id())).isEqualTo(before);
    }

    private static String abbreviate(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "..." : body;
    }

    /** Rows of this test's environment only: other test classes and modules publish on the same topics. */
    private static Map<String, Long> counts(UUID environmentId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("security_role", Fixtures.count("select count(*) from security_role where environment_id = ?",
                environmentId));
        counts.put("role_privilege", Fixtures.count("select count(*) from role_privilege p join security_role r "
                + "on r.id = p.role_id where r.environment_id = ?", environmentId));
        counts.put("team", Fixtures.count("select count(*) from team where environment_id = ?", environmentId));
        counts.put("role_assignment", Fixtures.count("select count(*) from role_assignment where environment_id = ?",
                environmentId));
        counts.put("approval_history", Fixtures.count("select count(*) from approval_history where environment_id = ?",
                environmentId));
        counts.put("approved mailboxes", Fixtures.count("select count(*) from mailbox where environment_id = ? "
                + "and approval_status <> 'PENDING_APPROVAL'", environmentId));
        counts.put("outbox_event", Fixtures.count("select count(*) from outbox_event where environment_id = ?",
                environmentId.toString()));
        return counts;
    }
}
