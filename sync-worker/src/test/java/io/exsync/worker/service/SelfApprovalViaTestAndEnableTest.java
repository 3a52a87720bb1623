package io.exsync.worker.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.events.EventJson;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.Regarding;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.LoopbackEndpoint;
import io.exsync.support.LoopbackEndpoint.Answer;
import io.exsync.events.testing.TestSchema;
import io.exsync.support.TestTokens;
import io.exsync.worker.ApprovalServiceStandIn;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.worker.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §5 SELF_VIA_TEST_AND_ENABLE at the worker's approval gate, against a loopback stand-in for approval-service:
 * a user's Test &amp; Enable of their own unapproved mailbox asks approval-service first (service token, {userId});
 * approved → the test runs; refused → EmailAddressNotApproved without touching the mail server; not their own
 * mailbox → approval-service is not asked.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(ApprovalServiceStandIn.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class SelfApprovalViaTestAndEnableTest {

    @Inject
    TestConnections connections;

    @BeforeEach
    void workerListens() {
        awaitConsumersReady();
    }

    /** A pending mailbox of a user, Test &amp; Enable asked for by {@code requestedBy}. */
    private static TestAndEnableRequested pending(UUID profile, String email, UUID userId, UUID requestedBy) {
        return new TestAndEnableRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, email,
                new Regarding("USER", userId, "Grace Hopper"), userId, profile, "SERVER_SIDE_SYNC",
                "SERVER_SIDE_SYNC", "NONE", "PENDING_APPROVAL", true, requestedBy);
    }

    private Map<String, Object> run(TestAndEnableRequested request) {
        connections.put(graph(request.profileId(), 10000));
        try (PlainConsumer consumer = consumer()) {
            publish(request);
            List<ConsumerRecord<String, String>> records = recordsUntilCompleted(consumer, request.jobId());
            assertThat(ofType(records, "io.exsync.mailbox-test.completed.v1", request.mailboxId().toString()))
                    .hasSize(1);
        }
        awaitJob(request.jobId(), "COMPLETED");
        return results(request.jobId()).get(request.mailboxId().toString());
    }

    private static List<LoopbackEndpoint.Received> askedAbout(UUID mailboxId) {
        return ApprovalServiceStandIn.endpoint().received("/api/v1/internal/mailboxes/" + mailboxId
                + "/self-approve-via-test");
    }

    @Test
    void ownMailboxApprovedByApprovalServiceIsTestedAndSucceeds() throws Exception {
        scenario(List.of(mailbox("grace@self.contoso.com", kind("ok"))));
        UUID user = UUID.randomUUID();
        TestAndEnableRequested request = pending(UUID.randomUUID(), "grace@self.contoso.com", user, user);
        ApprovalServiceStandIn.answer(request.mailboxId(), Answer.json(200, "{\"mailboxId\":\""
                + request.mailboxId() + "\",\"approved\":true,\"status\":\"APPROVED\","
                + "\"path\":\"SELF_VIA_TEST_AND_ENABLE\",\"rule\":\"SELF\",\"reasons\":[]}"));

        Map<String, Object> result = run(request);

        assertThat(result).containsEntry("outcome", "SUCCEEDED").containsEntry("mailboxStatus", "SUCCESS")
                .containsEntry("incomingEmailStatus", "SUCCESS").containsEntry("outgoingEmailStatus", "SUCCESS");
        assertThat(requestsOf("grace@self.contoso.com")).isPositive();
        List<LoopbackEndpoint.Received> asked = askedAbout(request.mailboxId());
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).method()).isEqualTo("POST");
        JsonNode body = EventJson.parse(asked.get(0).body());
        assertThat(body.get("userId").asText()).isEqualTo(user.toString());
        assertThat(asked.get(0).authorization()).startsWith("Bearer ");
        JsonNode claims = EventJson.parse(TestTokens.verifiedClaims(asked.get(0).authorization().substring(7)));
        assertThat(claims.get("groups").toString()).contains("\"Service\"");
        assertThat(claims.get("iss").asText()).isEqualTo(TestTokens.ISSUER);
    }

    @Test
    void ownMailboxRefusedByApprovalServiceFailsWithoutContactingTheServer() {
        scenario(List.of(mailbox("refused@self.contoso.com", kind("ok"))));
        UUID user = UUID.randomUUID();
        TestAndEnableRequested request = pending(UUID.randomUUID(), "refused@self.contoso.com", user, user);
        ApprovalServiceStandIn.answer(request.mailboxId(), Answer.json(200, "{\"mailboxId\":\""
                + request.mailboxId() + "\",\"approved\":false,\"status\":\"PENDING_APPROVAL\","
                + "\"reasons\":[\"the self-approval switch is on\"]}"));

        Map<String, Object> result = run(request);

        assertThat(result).containsEntry("outcome", "FAILED").containsEntry("errorCode", "EmailAddressNotApproved")
                .containsEntry("incomingEmailStatus", "FAILURE").containsEntry("outgoingEmailStatus", "FAILURE");
        assertThat(askedAbout(request.mailboxId())).hasSize(1);
        assertThat(requestsOf("refused@self.contoso.com")).isZero();
    }

    @Test
    void someoneElsesMailboxIsNotSelfApproved() {
        scenario(List.of(mailbox("other@self.contoso.com", kind("ok"))));
        TestAndEnableRequested request = pending(UUID.randomUUID(), "other@self.contoso.com", UUID.randomUUID(),
                UUID.randomUUID());
        ApprovalServiceStandIn.answer(request.mailboxId(), Answer.json(200, "{\"approved\":true}"));

        Map<String, Object> result = run(request);

        assertThat(result).containsEntry("outcome", "FAILED").containsEntry("errorCode", "EmailAddressNotApproved");
        assertThat(askedAbout(request.mailboxId())).isEmpty();
        assertThat(requestsOf("other@self.contoso.com")).isZero();
    }

    @Test
    void unreachableApprovalServiceIsRetriedThenTheMailboxStaysUnapproved() {
        scenario(List.of(mailbox("later@self.contoso.com", kind("ok"))));
        UUID user = UUID.randomUUID();
        TestAndEnableRequested request = pending(UUID.randomUUID(), "later@self.contoso.com", user, user);
        ApprovalServiceStandIn.answer(request.mailboxId(), Answer.json(503, ""));

        Map<String, Object> result = run(request);

        // %test: 3 transient retries 100 ms apart, then the gate's answer stands.
        assertThat(result).containsEntry("outcome", "FAILED").containsEntry("errorCode", "EmailAddressNotApproved")
                .containsEntry("attempts", 4);
        assertThat(askedAbout(request.mailboxId())).hasSize(4);
        assertThat(requestsOf("later@self.contoso.com")).isZero();
    }
}
