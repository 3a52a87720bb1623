package io.exsync.mailbox.rest;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.HostileBodies;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.mailbox.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad bodies against every write endpoint (issue 9): hand-written cases get a 400 problem body; the
 * generated hostile bodies (service-support's {@code HostileBodies}) and ids of another environment a 4xx problem
 * body that echoes nothing; nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BadInputCorpusTest {

    /** What the API writes (alerts arrive only as events). */
    private static final List<String> TABLES = List.of("app_user", "queue", "mailbox", "outbox_event");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyBadBodyGets400AndNothingIsWritten() throws Exception {
        Fixtures.Env env;
        try (TestEvents events = new TestEvents()) {
            env = Fixtures.environment(events);
        }
        String mailbox = Fixtures.createUser(env, "Target");
        String valid = "ok-" + UUID.randomUUID() + "@contoso.com";
        Map<String, String[]> corpus = new LinkedHashMap<>();
        String users = env.path("/users");
        String queues = env.path("/queues");
        String one = env.path("/mailboxes/" + mailbox);
        String credentials = one + "/credentials";
        String bulkEdit = env.path("/mailboxes/bulk-edit");
        String defaults = env.path("/mailboxes/apply-default-settings");
        String test = env.path("/mailboxes/test-and-enable");

        corpus.put("user empty", new String[]{"POST", users, ""});
        corpus.put("user not json", new String[]{"POST", users, "fullName=Ada"});
        corpus.put("user array", new String[]{"POST", users, "[]"});
        corpus.put("user empty object", new String[]{"POST", users, "{}"});
        corpus.put("user missing email", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user bad email", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"ada\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user email without domain dot", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"ada@contoso\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user email with spaces", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"a da@contoso.com\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user two ats", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"a@b@contoso.com\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user bad upn", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"" + valid + "\",\"userPrincipalName\":\"<script>\"}"});
        corpus.put("user name too long", new String[]{"POST", users, "{\"fullName\":\"" + "a".repeat(201) + "\",\"email\":\"" + valid + "\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user name NUL", new String[]{"POST", users, "{\"fullName\":\"a\\u0000\",\"email\":\"" + valid + "\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user name number", new String[]{"POST", users, "{\"fullName\":7,\"email\":\"" + valid + "\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user bad id", new String[]{"POST", users, "{\"id\":\"42\",\"fullName\":\"Ada\",\"email\":\"" + valid + "\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("user unknown field", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"" + valid + "\",\"userPrincipalName\":\"" + valid + "\",\"admin\":true}"});
        corpus.put("user sql email", new String[]{"POST", users, "{\"fullName\":\"Ada\",\"email\":\"x'; drop table mailbox;--\",\"userPrincipalName\":\"" + valid + "\"}"});
        corpus.put("queue empty object", new String[]{"POST", queues, "{}"});
        corpus.put("queue bad owner", new String[]{"POST", queues, "{\"name\":\"Q\",\"email\":\"" + valid + "\",\"ownerId\":\"me\"}"});
        corpus.put("queue bad email", new String[]{"POST", queues, "{\"name\":\"Q\",\"email\":\"@contoso.com\"}"});
        corpus.put("queue name object", new String[]{"POST", queues, "{\"name\":{},\"email\":\"" + valid + "\"}"});
        corpus.put("queue truncated", new String[]{"POST", queues, "{\"name\":\"Q\""});
        corpus.put("patch unknown enum", new String[]{"PATCH", one, "{\"incomingDeliveryMethod\":\"CARRIER_PIGEON\"}"});
        corpus.put("patch forward for outgoing", new String[]{"PATCH", one, "{\"outgoingDeliveryMethod\":\"FORWARD_MAILBOX\"}"});
        corpus.put("patch bad profile id", new String[]{"PATCH", one, "{\"profileId\":\"abc\"}"});
        corpus.put("patch unknown profile", new String[]{"PATCH", one, "{\"profileId\":\"" + UUID.randomUUID() + "\"}"});
        corpus.put("patch boolean as string", new String[]{"PATCH", one, "{\"syncItemsOnlyFromThisOrg\":\"yes\"}"});
        corpus.put("patch bad timestamp", new String[]{"PATCH", one, "{\"processEmailReceivedAfter\":\"soon\"}"});
        corpus.put("patch unknown field", new String[]{"PATCH", one, "{\"emailAddressApproval\":\"APPROVED\"}"});
        corpus.put("patch array", new String[]{"PATCH", one, "[1]"});
        corpus.put("credentials missing password", new String[]{"PUT", credentials, "{\"username\":\"u\"}"});
        corpus.put("credentials password number", new String[]{"PUT", credentials, "{\"username\":\"u\",\"password\":123}"});
        corpus.put("credentials too long", new String[]{"PUT", credentials, "{\"username\":\"u\",\"password\":\"" + "p".repeat(1025) + "\"}"});
        corpus.put("bulk no ids", new String[]{"POST", bulkEdit, "{\"changes\":{\"incomingDeliveryMethod\":\"NONE\"}}"});
        corpus.put("bulk empty ids", new String[]{"POST", bulkEdit, "{\"ids\":[],\"changes\":{\"incomingDeliveryMethod\":\"NONE\"}}"});
        corpus.put("bulk null id", new String[]{"POST", bulkEdit, "{\"ids\":[null],\"changes\":{\"incomingDeliveryMethod\":\"NONE\"}}"});
        corpus.put("bulk bad id", new String[]{"POST", bulkEdit, "{\"ids\":[\"x\"],\"changes\":{\"incomingDeliveryMethod\":\"NONE\"}}"});
        corpus.put("bulk unknown id", new String[]{"POST", bulkEdit, "{\"ids\":[\"" + UUID.randomUUID() + "\"],\"changes\":{\"incomingDeliveryMethod\":\"NONE\"}}"});
        corpus.put("bulk no changes", new String[]{"POST", bulkEdit, "{\"ids\":[\"" + mailbox + "\"]}"});
        corpus.put("bulk ids as string", new String[]{"POST", bulkEdit, "{\"ids\":\"" + mailbox + "\",\"changes\":{}}"});
        corpus.put("bulk unknown enum", new String[]{"POST", bulkEdit, "{\"ids\":[\"" + mailbox + "\"],\"changes\":{\"actDeliveryMethod\":\"FAX\"}}"});
        corpus.put("defaults no ids", new String[]{"POST", defaults, "{}"});
        corpus.put("defaults testAndEnable string", new String[]{"POST", defaults, "{\"ids\":[\"" + mailbox + "\"],\"testAndEnable\":\"no\"}"});
        corpus.put("test no ids", new String[]{"POST", test, "{\"ids\":[]}"});
        corpus.put("test unknown id", new String[]{"POST", test, "{\"ids\":[\"" + UUID.randomUUID() + "\"]}"});
        corpus.put("test number ids", new String[]{"POST", test, "{\"ids\":[1,2,3]}"});
        corpus.put("test deep nesting", new String[]{"POST", test, "{\"ids\":" + "[".repeat(300) + "]".repeat(300) + "}"});

        // Generated from a valid body of each endpoint (service-support's HostileBodies), on top of the cases above.
        Map<String, List<HostileBodies.Body>> generated = new LinkedHashMap<>();
        generated.put("POST " + users, HostileBodies.of("POST /users", Map.of("fullName", "Ada Lovelace",
                        "email", valid, "userPrincipalName", valid))
                .required("fullName", "email", "userPrincipalName").emails("email", "userPrincipalName")
                .ids("id").plainText("fullName").bodies());
        generated.put("POST " + queues, HostileBodies.of("POST /queues", Map.of("name", "Support", "email", valid,
                        "ownerId", env.adminId().toString()))
                .required("name", "email").emails("email").ids("ownerId").plainText("name").bodies());
        generated.put("PATCH " + one, HostileBodies.of("PATCH /mailboxes/{id}", Map.of(
                        "profileId", env.imapProfile().toString(), "incomingDeliveryMethod", "NONE",
                        "outgoingDeliveryMethod", "NONE", "actDeliveryMethod", "NONE", "syncItemsOnlyFromThisOrg", true))
                .enums("incomingDeliveryMethod", "outgoingDeliveryMethod", "actDeliveryMethod").ids("profileId")
                .bodies());
        generated.put("PUT " + credentials, HostileBodies.of("PUT /mailboxes/{id}/credentials",
                        Map.of("username", "ada@contoso.com", "password", "pw"))
                .required("username", "password").plainText("username").bodies());
        generated.put("POST " + bulkEdit, HostileBodies.of("POST /mailboxes/bulk-edit", Map.of("ids", List.of(mailbox),
                        "changes", Map.of("profileId", env.imapProfile().toString(), "incomingDeliveryMethod", "NONE",
                                "outgoingDeliveryMethod", "NONE", "actDeliveryMethod", "NONE")))
                .required("ids", "changes").ids("ids[]", "changes.profileId")
                .enums("changes.incomingDeliveryMethod", "changes.outgoingDeliveryMethod", "changes.actDeliveryMethod")
                .bodies());
        generated.put("POST " + defaults, HostileBodies.of("POST /mailboxes/apply-default-settings",
                        Map.of("ids", List.of(mailbox), "testAndEnable", false))
                .required("ids").ids("ids[]").bodies());
        generated.put("POST " + test, HostileBodies.of("POST /mailboxes/test-and-enable", Map.of("ids", List.of(mailbox)))
                .required("ids").ids("ids[]").bodies());
        // Ids of another environment: its profile, its mailbox.
        Fixtures.Env other;
        try (TestEvents events = new TestEvents()) {
            other = Fixtures.environment(events);
        }
        String otherMailbox = Fixtures.createUser(other, "Elsewhere");
        generated.put("PATCH " + one + " ", List.of(new HostileBodies.Body("PATCH /mailboxes/{id}: profile of another "
                + "environment", "{\"profileId\":\"" + other.defaultProfile() + "\"}")));
        generated.put("POST " + bulkEdit + " ", List.of(
                new HostileBodies.Body("POST /mailboxes/bulk-edit: mailbox of another environment",
                        "{\"ids\":[\"" + otherMailbox + "\"],\"changes\":{\"incomingDeliveryMethod\":\"NONE\"}}"),
                new HostileBodies.Body("POST /mailboxes/bulk-edit: profile of another environment",
                        "{\"ids\":[\"" + mailbox + "\"],\"changes\":{\"profileId\":\"" + other.defaultProfile() + "\"}}")));
        generated.put("POST " + test + " ", List.of(new HostileBodies.Body("POST /mailboxes/test-and-enable: mailbox of "
                + "another environment", "{\"ids\":[\"" + otherMailbox + "\"]}")));
        generated.put("POST " + defaults + " ", List.of(new HostileBodies.Body("POST /mailboxes/apply-default-settings: "
                + "mailbox of another environment", "{\"ids\":[\"" + otherMailbox + "\"],\"testAndEnable\":false}")));
        generated.put("PUT " + env.path("/mailboxes/" + otherMailbox + "/credentials"), List.of(new HostileBodies.Body(
                "PUT /mailboxes/{id}/credentials: mailbox of another environment", "{\"username\":\"u\",\"password\":\"p\"}")));
        generated.put("POST " + env.path("/mailboxes/" + otherMailbox + "/test-and-enable"), List.of(new HostileBodies.Body(
                "POST /mailboxes/{id}/test-and-enable: mailbox of another environment", "")));

        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        corpus.forEach((name, call) -> {
            var response = as(env.adminToken()).body(call[2]).request(call[0], call[1]).then().extract();
            String type = response.contentType();
            if (response.statusCode() != 400 || type == null || !type.startsWith("application/problem+json")
                    || response.body().asString().contains("Exception")) {
                failures.add(name + " -> " + response.statusCode() + " " + type + " " + response.body().asString());
            }
        });
        Map<String, Integer> perEndpoint = new LinkedHashMap<>();
        corpus.forEach((name, call) -> perEndpoint.merge(call[0] + " " + call[1], 1, Integer::sum));
        generated.forEach((call, bodies) -> {
            String[] methodAndPath = call.trim().split(" ", 2);
            perEndpoint.merge(call.trim(), bodies.size(), Integer::sum);
            for (HostileBodies.Body body : bodies) {
                String wrong = HostileBodies.verdict(body, as(env.adminToken()).body(body.json())
                        .request(methodAndPath[0], methodAndPath[1]).then().extract());
                if (wrong != null) {
                    failures.add(wrong);
                }
            }
        });
        // The POST without a body: hostile ids in the path are a 404 problem.
        List<HostileBodies.Body> ids = HostileBodies.hostileIds("POST /mailboxes/{id}/test-and-enable");
        for (HostileBodies.Body id : ids) {
            String wrong = HostileBodies.verdict(id, as(env.adminToken()).body("{}")
                    .post(env.path("/mailboxes/{id}/test-and-enable"), id.json()).then().extract());
            if (wrong != null) {
                failures.add(wrong);
            }
        }
        perEndpoint.merge("POST /mailboxes/{id}/test-and-enable (path ids)", ids.size(), Integer::sum);
        int total = perEndpoint.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("mailbox-service hostile bodies: %d %s%n", total, perEndpoint);
        assertThat(total).isGreaterThanOrEqualTo(200);
        assertThat(failures).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        }
        return counts;
    }
}
