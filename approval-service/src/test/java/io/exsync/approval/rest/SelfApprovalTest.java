package io.exsync.approval.rest;

import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.EventJson;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.approval.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Self-approval (SPEC §5): the four conditions, each failing alone, and approval through Test &amp; Enable. The
 * users here are not System Administrators, so the role path never allows and only self-approval can.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SelfApprovalTest {

    private static final String APPROVE = "ApproveEmailAddressesForUsersOrQueues";

    record Self(Fixtures.Env env, UUID userId, String token, String upn) {
    }

    /** A user with Basic User (MailboxWrite at USER depth) whose UPN is known to approval-service. */
    private static Self basicUser(Fixtures.Env env) {
        UUID user = UUID.randomUUID();
        String upn = "self-" + user + "@contoso.com";
        Fixtures.registerUser(env, user, upn);
        Fixtures.assign(env, user, Fixtures.roleId(env, "Basic User"));
        return new Self(env, user, Fixtures.token(user, env.tenant()), upn);
    }

    private static UUID ownMailbox(Self self, String email, String regardingType) {
        MailboxCreated created = Fixtures.pendingMailbox(self.env(), self.env().onPremisesProfile(), email,
                regardingType, self.userId());
        Fixtures.publish(created);
        Fixtures.awaitMailboxes(List.of(created.mailboxId()));
        return created.mailboxId();
    }

    private static void requirePrivilegeToSelfApprove(Fixtures.Env env, boolean required) {
        Fixtures.publish(new EmailSettingsChanged(env.id(), env.onPremisesProfile(), "SERVER_SIDE_SYNC",
                "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", true, true, required, false));
        await().atMost(Fixtures.WAIT).until(() -> Fixtures.count("select count(*) from email_settings "
                + "where environment_id = ? and require_privilege_to_self_approve = ?", env.id(), required) == 1);
    }

    @Test
    void aUserApprovesTheirOwnMailboxWhenAllFourConditionsHold() throws Exception {
        Self self = basicUser(Fixtures.environment("ON_PREMISES", Fixtures.GATE));
        UUID mailbox = ownMailbox(self, self.upn().toUpperCase(), "USER");
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(self.token()).post(self.env().path("/mailboxes/" + mailbox + "/approve")).then().statusCode(200)
                    .body("path", equalTo("SELF")).body("rule", equalTo("SELF"))
                    .body("actorId", equalTo(self.userId().toString()));
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().equals(mailbox.toString()), 1,
                    Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(EventJson.parse(events.get(0).value()).get("path").asText()).isEqualTo("SELF");
        }
        // Self-approval is for approving only.
        UUID another = ownMailbox(self, self.upn(), "USER");
        as(self.token()).post(self.env().path("/mailboxes/" + another + "/reject")).then().statusCode(403);
    }

    @Test
    void refusedWhenTheUpnIsNotTheMailboxAddress() {
        Self self = basicUser(Fixtures.environment("ON_PREMISES", Fixtures.GATE));
        UUID mailbox = ownMailbox(self, "someone-else-" + UUID.randomUUID() + "@contoso.com", "USER");
        as(self.token()).post(self.env().path("/mailboxes/" + mailbox + "/approve")).then().statusCode(403)
                .body("code", equalTo("Forbidden"))
                .body("detail", containsString("ApproveEmailAddressesForUsersOrQueues"))
                .body("detail", org.hamcrest.Matchers.not(containsString("Self-approval")));
    }

    @Test
    void refusedWhenThePrivilegeIsRequiredAndMissingButAllowedWithIt() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        requirePrivilegeToSelfApprove(env, true);
        Self self = basicUser(env);
        UUID mailbox = ownMailbox(self, self.upn(), "USER");
        as(self.token()).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(403)
                .body("detail", containsString("require the privilege " + APPROVE));

        Fixtures.assign(env, self.userId(), Fixtures.customRole(env, "Self approvers", Map.of(APPROVE, "USER")));
        as(self.token()).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(200)
                .body("path", equalTo("SELF"));
    }

    @Test
    void refusedWithoutMailboxWrite() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        UUID user = UUID.randomUUID();
        String upn = "nowrite-" + user + "@contoso.com";
        Fixtures.registerUser(env, user, upn);
        Fixtures.assign(env, user, Fixtures.customRole(env, "Readers", Map.of("MailboxRead", "ORGANIZATION")));
        Self self = new Self(env, user, Fixtures.token(user, env.tenant()), upn);
        UUID mailbox = ownMailbox(self, upn, "USER");
        as(self.token()).post(env.path("/mailboxes/" + mailbox + "/approve")).then().statusCode(403)
                .body("detail", containsString("MailboxWrite"));
    }

    @Test
    void refusedForAQueueMailbox() {
        Self self = basicUser(Fixtures.environment("ON_PREMISES", Fixtures.GATE));
        UUID mailbox = ownMailbox(self, self.upn(), "QUEUE");
        as(self.token()).post(self.env().path("/mailboxes/" + mailbox + "/approve")).then().statusCode(403)
                .body("detail", containsString("queue"));
    }

    @Test
    void testAndEnableApprovesTheirOwnMailboxWhenTheSwitchIsOff() throws Exception {
        Self self = basicUser(Fixtures.environment("ONLINE", Fixtures.GATE));
        UUID mailbox = ownMailbox(self, self.upn(), "USER");
        String path = "/api/v1/internal/mailboxes/" + mailbox + "/self-approve-via-test";
        Map<String, String> body = Map.of("userId", self.userId().toString());
        as(self.token()).body(body).post(path).then().statusCode(403);
        as(self.env().adminToken()).body(body).post(path).then().statusCode(403);

        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.APPROVAL_TOPIC))) {
            as(Fixtures.serviceToken()).body(body).post(path).then().statusCode(200)
                    .body("approved", equalTo(true)).body("status", equalTo("APPROVED"))
                    .body("path", equalTo("SELF_VIA_TEST_AND_ENABLE")).body("reasons", empty());
            // Asked again (a retried run): still approved, nothing new recorded or published.
            as(Fixtures.serviceToken()).body(body).post(path).then().statusCode(200)
                    .body("approved", equalTo(true)).body("path", nullValue());
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().equals(mailbox.toString()), 2,
                    Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            assertThat(PlainConsumer.header(events.get(0), "ce_type")).isEqualTo("io.exsync.approval.approved.v1");
            var event = EventJson.parse(events.get(0).value());
            assertThat(event.get("path").asText()).isEqualTo("SELF_VIA_TEST_AND_ENABLE");
            assertThat(event.get("actorId").asText()).isEqualTo(self.userId().toString());
        }
        as(self.env().adminToken()).get(self.env().path("/mailboxes/" + mailbox + "/approval-history")).then()
                .body("total", equalTo(1)).body("items[0].path", equalTo("SELF_VIA_TEST_AND_ENABLE"))
                .body("items[0].actorId", equalTo(self.userId().toString()));
    }

    @Test
    void testAndEnableDoesNotApproveWhenTheSwitchIsOnOrTheMailboxIsNotTheirs() {
        Fixtures.Env env = Fixtures.environment("ON_PREMISES", Fixtures.GATE);
        Self self = basicUser(env);
        UUID queueMailbox = ownMailbox(self, self.upn(), "QUEUE");
        as(Fixtures.serviceToken()).body(Map.of("userId", self.userId().toString()))
                .post("/api/v1/internal/mailboxes/" + queueMailbox + "/self-approve-via-test").then().statusCode(200)
                .body("approved", equalTo(false)).body("status", equalTo("PENDING_APPROVAL"))
                .body("reasons", hasItem(containsString("queue")));

        requirePrivilegeToSelfApprove(env, true);
        UUID mailbox = ownMailbox(self, self.upn(), "USER");
        as(Fixtures.serviceToken()).body(Map.of("userId", self.userId().toString()))
                .post("/api/v1/internal/mailboxes/" + mailbox + "/self-approve-via-test").then().statusCode(200)
                .body("approved", equalTo(false))
                .body("reasons", hasItem(containsString("Test & Enable does not approve")));
        as(Fixtures.serviceToken()).body(Map.of("userId", self.userId().toString()))
                .post("/api/v1/internal/mailboxes/" + UUID.randomUUID() + "/self-approve-via-test").then()
                .statusCode(404);
    }
}
