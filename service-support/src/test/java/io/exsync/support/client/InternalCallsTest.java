package io.exsync.support.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exsync.support.LoopbackEndpoint;
import io.exsync.support.TestTokens;
import io.exsync.support.security.ServiceTokenConfig;
import io.exsync.support.security.ServiceTokens;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The internal call every service-to-service client uses: what it sends, and each way it ends without an answer. */
class InternalCallsTest {

    private static InternalCalls calls(Optional<String> keyLocation) {
        ServiceTokenConfig config = new ServiceTokenConfig() {
            public Optional<String> keyLocation() {
                return keyLocation;
            }

            public boolean required() {
                return false;
            }

            public String issuer() {
                return "https://exsync.dev/issuer";
            }

            public String tenant() {
                return "exsync-services";
            }

            public String subject() {
                return "00000000-0000-0000-0000-000000000084";
            }

            public String keyId() {
                return "exsync-dev";
            }

            public Duration lifetime() {
                return Duration.ofMinutes(15);
            }
        };
        return new InternalCalls(new ServiceTokens(config), new ObjectMapper());
    }

    private static final Optional<String> DEV_KEY = Optional.of(
            TestTokens.repositoryRoot().resolve("config/dev-only-keys/jwt-private.pem").toString());

    @Test
    void sendsTheServiceTokenAndTheJsonBodyAndReturnsStatusAndBody() throws Exception {
        try (LoopbackEndpoint peer = LoopbackEndpoint.start(r -> LoopbackEndpoint.Answer.json(409, "{\"why\":\"no\"}"))) {
            InternalCalls.Answer answer = calls(DEV_KEY).post(peer.url() + "/api/v1/internal/x", Map.of("userId", "u1"),
                    Duration.ofSeconds(5));

            assertEquals(new InternalCalls.Answer(409, "{\"why\":\"no\"}"), answer);
            LoopbackEndpoint.Received received = peer.received().get(0);
            assertEquals("POST", received.method());
            assertEquals("{\"userId\":\"u1\"}", received.body());
            assertTrue(received.authorization().startsWith("Bearer ey"), received.authorization());
        }
    }

    @Test
    void anUnreachablePeerIsACallFailureNamingTheKindOnly() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        InternalCalls.CallFailed failed = assertThrows(InternalCalls.CallFailed.class, () -> calls(DEV_KEY)
                .get("http://127.0.0.1:" + closed + "/api/v1/internal/y", Duration.ofSeconds(5)));
        assertEquals("ConnectException", failed.getMessage());
    }

    @Test
    void aPeerSlowerThanTheTimeLimitIsACallFailure() throws Exception {
        try (LoopbackEndpoint peer = LoopbackEndpoint.start(r -> LoopbackEndpoint.Answer.hang(3_000))) {
            InternalCalls.CallFailed failed = assertThrows(InternalCalls.CallFailed.class,
                    () -> calls(DEV_KEY).get(peer.url() + "/slow", Duration.ofMillis(300)));
            assertEquals("HttpTimeoutException", failed.getMessage());
        }
    }

    @Test
    void withoutASigningKeyNothingIsSent() throws Exception {
        try (LoopbackEndpoint peer = LoopbackEndpoint.start(r -> LoopbackEndpoint.Answer.json(200, "{}"))) {
            InternalCalls.CallFailed failed = assertThrows(InternalCalls.CallFailed.class,
                    () -> calls(Optional.empty()).put(peer.url() + "/z", Map.of(), Duration.ofSeconds(5)));
            assertTrue(failed.getMessage().contains("EXSYNC_SERVICE_TOKEN_KEY_LOCATION"), failed.getMessage());
            assertTrue(peer.received().isEmpty());
        }
    }
}
