package io.exsync.profile.rest;

import io.exsync.events.testing.PlainConsumer;
import io.exsync.events.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exsync.profile.rest.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Plaintext secrets reach no response, no event and no log line, on the happy path or the error paths. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SecretLeakTest {

    @Test
    void secretsAppearInNoResponseEventOrLogLine() throws Exception {
        String password = "leak-pw-" + UUID.randomUUID();
        String clientSecret = "leak-cs-" + UUID.randomUUID();
        String rotated = "leak-rotated-" + UUID.randomUUID();
        Fixtures.Env env = Fixtures.environment("ONLINE", true);
        List<String> responses = new ArrayList<>();
        try (PlainConsumer topic = PlainConsumer.fromEnd(List.of(Fixtures.PROFILE_TOPIC))) {
            String id = as(env.adminToken()).body(Map.of("name", "Leaky", "serverType", "EXCHANGE_SERVER",
                            "credentials", Map.of("username", "svc", "password", password, "clientSecret", clientSecret)))
                    .post(env.path("/profiles")).then().statusCode(201).extract().path("id");
            responses.add(as(env.adminToken()).get(env.path("/profiles/" + id)).asString());
            responses.add(as(env.adminToken()).body(Map.of("credentials", Map.of("password", rotated)))
                    .patch(env.path("/profiles/" + id)).asString());
            responses.add(as(env.adminToken()).get(env.path("/profiles")).asString());
            // Error paths: a secret inside an invalid body is never echoed back.
            responses.add(as(env.adminToken()).body("{\"name\":\"x\",\"serverType\":\"EXCHANGE_SERVER\","
                    + "\"credentials\":{\"username\":\"svc\",\"password\":\"" + password + "\"},\"maxConcurrentConnections\":\""
                    + clientSecret + "\"}").post(env.path("/profiles")).asString());
            responses.add(as(env.adminToken()).body("{\"credentials\":{\"password\":" + "[\"" + password + "\"]}}")
                    .patch(env.path("/profiles/" + id)).asString());
            responses.add(as(env.adminToken()).body("{\"credentials\":{\"password\":\"" + password + "\"")
                    .patch(env.path("/profiles/" + id)).asString());
            responses.add(as(env.adminToken()).body(Map.of("credentials", Map.of("password", password, "pin", password)))
                    .patch(env.path("/profiles/" + id)).asString());
            responses.add(as(env.adminToken()).get("/api/v1/internal/profiles/" + id + "/connection").asString());

            List<ConsumerRecord<String, String>> events = topic.await(
                    r -> env.id().toString().equals(PlainConsumer.header(r, "exsync_environment")), 100,
                    Duration.ofSeconds(5));
            assertThat(events).isNotEmpty();
            for (ConsumerRecord<String, String> event : events) {
                assertThat(event.value()).doesNotContain(password, clientSecret, rotated);
                event.headers().forEach(h -> assertThat(new String(h.value())).doesNotContain(password));
            }
        }
        for (String response : responses) {
            assertThat(response).doesNotContain(password, clientSecret, rotated);
        }
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).isNotBlank().doesNotContain(password, clientSecret, rotated);
    }
}
