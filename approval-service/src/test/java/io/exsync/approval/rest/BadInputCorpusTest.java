package io.exsync.approval.rest;

import io.exsync.events.testing.TestTopics;
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

/** A corpus of bad bodies against every write endpoint: each gets a 400 problem body and nothing is written. */
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
        assertThat(total).isGreaterThanOrEqualTo(30);
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
