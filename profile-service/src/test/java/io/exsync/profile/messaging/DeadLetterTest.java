package io.exsync.profile.messaging;

import io.exsync.events.RoleEvent.RoleAssigned;
import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.PoisonRecords;
import io.exsync.events.testing.TestEvents;
import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 9: records the approval-events consumer cannot process go to the DLQ, and the events behind them are consumed. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class DeadLetterTest {

    @Test
    void poisonRecordsOnApprovalEventsGoToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        String tenant = "tenant-" + UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String adminToken = TestTokens.exsyncToken("--sub", admin.toString(), "--tid", tenant, "--groups",
                "GlobalAdministrator");
        String envId = given().auth().oauth2(adminToken).contentType("application/json")
                .body(Map.of("name", "Contoso", "tenantId", tenant, "deployment", "ON_PREMISES",
                        "version", "9.2.22104.00170"))
                .post("/api/v1/environments").then().statusCode(201).extract().path("id");
        UUID newcomer = UUID.randomUUID();
        String newcomerToken = TestTokens.exsyncToken("--sub", newcomer.toString(), "--tid", tenant);

        try (PlainConsumer deadLetters = PlainConsumer.fromEnd(List.of(Topic.APPROVAL.deadLetterName(TestTopics.PREFIX)));
             TestEvents events = new TestEvents()) {
            List<String> poison = PoisonRecords.publish(Topic.APPROVAL.name(TestTopics.PREFIX), newcomer.toString());
            events.publish(new RoleAssigned(UUID.fromString(envId), "USER", newcomer, UUID.randomUUID(),
                    "System Administrator", admin));

            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(newcomerToken)
                    .get("/api/v1/environments/" + envId).statusCode() == 200);
            assertThat(PoisonRecords.deadLettered(deadLetters, newcomer.toString(), 3)).containsExactlyElementsOf(poison);
        }
    }
}
