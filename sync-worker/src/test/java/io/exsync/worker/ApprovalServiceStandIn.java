package io.exsync.worker;

import io.exsync.support.LoopbackEndpoint;
import io.exsync.support.LoopbackEndpoint.Answer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for approval-service's {@code POST /api/v1/internal/mailboxes/{id}/self-approve-via-test}:
 * answers per mailbox what a test sets ({@link #answer}); a mailbox without an answer is refused.
 */
public class ApprovalServiceStandIn implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static volatile LoopbackEndpoint endpoint;

    public static LoopbackEndpoint endpoint() {
        return endpoint;
    }

    public static void answer(java.util.UUID mailboxId, Answer answer) {
        ANSWERS.put(mailboxId.toString(), answer);
    }

    @Override
    public Map<String, String> start() {
        endpoint = LoopbackEndpoint.start(request -> {
            String[] parts = request.path().split("/");
            String mailboxId = parts.length > 5 ? parts[5] : "";
            return ANSWERS.getOrDefault(mailboxId, Answer.json(200,
                    "{\"mailboxId\":\"" + mailboxId + "\",\"approved\":false,\"status\":\"PENDING_APPROVAL\","
                            + "\"reasons\":[\"not answered by the test\"]}"));
        });
        return Map.of("exsync.worker.connections.approval-service-url", endpoint.url());
    }

    @Override
    public void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
