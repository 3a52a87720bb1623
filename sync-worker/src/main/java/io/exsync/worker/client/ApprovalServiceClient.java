package io.exsync.worker.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.exsync.support.client.InternalCalls;
import io.exsync.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * SPEC §5 {@code SELF_VIA_TEST_AND_ENABLE}: asks approval-service
 * ({@code POST /api/v1/internal/mailboxes/{id}/self-approve-via-test {userId}}, service token) whether Test &amp;
 * Enable of the user's own mailbox approves it. approval-service decides and records; the worker only asks.
 */
@ApplicationScoped
public class ApprovalServiceClient {

    private static final Logger LOG = Logger.getLogger(ApprovalServiceClient.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final InternalCalls calls;

    public ApprovalServiceClient(WorkerConfig config, InternalCalls calls) {
        this.baseUrl = config.connections().approvalServiceUrl().replaceAll("/+$", "");
        this.calls = calls;
    }

    /**
     * @return true when the mailbox is APPROVED now (by this call or before it), false when approval-service refuses
     * (its reasons are logged at debug level; they name conditions, never secrets)
     * @throws ConnectionSource.ConnectionUnavailableException when the answer cannot be had now: approval-service
     * unreachable, 5xx, or 404 (it has not heard of the mailbox yet — its read model follows mailbox events)
     */
    public boolean selfApproveViaTest(UUID mailboxId, UUID userId) {
        String what = "self-approval of mailbox " + mailboxId;
        try {
            InternalCalls.Answer answer = calls.post(baseUrl + "/api/v1/internal/mailboxes/" + mailboxId
                    + "/self-approve-via-test", Map.of("userId", userId.toString()), TIMEOUT);
            int status = answer.status();
            if (status == 200) {
                JsonNode body = JSON.readTree(answer.body());
                boolean approved = body.path("approved").asBoolean(false);
                if (!approved) {
                    LOG.debugf("%s refused: %s", what, body.path("reasons"));
                }
                return approved;
            }
            if (status == 404 || status >= 500 || status == 408 || status == 429) {
                throw new ConnectionSource.ConnectionUnavailableException(what + ": HTTP " + status);
            }
            LOG.warnf("%s: approval-service answered HTTP %d; the mailbox stays unapproved", what, status);
            return false;
        } catch (InternalCalls.CallFailed e) {
            throw new ConnectionSource.ConnectionUnavailableException(what + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConnectionSource.ConnectionUnavailableException(what + ": " + e.getClass().getSimpleName());
        }
    }
}
