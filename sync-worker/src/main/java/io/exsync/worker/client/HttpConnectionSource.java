package io.exsync.worker.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.exsync.support.client.InternalCalls;
import io.exsync.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * Fetches connections from profile-service and mailbox credentials from mailbox-service over their internal API
 * (service-support {@link InternalCalls}, service token). Responses are never logged: they hold secrets.
 */
@ApplicationScoped
public class HttpConnectionSource implements ConnectionSource {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndAddModules().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WorkerConfig.Connections config;
    private final InternalCalls calls;

    public HttpConnectionSource(WorkerConfig config, InternalCalls calls) {
        this.config = config.connections();
        this.calls = calls;
    }

    @Override
    public Connection connection(UUID profileId) {
        return get(config.profileServiceUrl() + "/api/v1/internal/profiles/" + profileId + "/connection",
                Connection.class, "profile " + profileId);
    }

    @Override
    public MailboxCredentials mailboxCredentials(UUID mailboxId) {
        return get(config.mailboxServiceUrl() + "/api/v1/internal/mailboxes/" + mailboxId + "/credentials",
                MailboxCredentials.class, "credentials of mailbox " + mailboxId);
    }

    private <T> T get(String url, Class<T> type, String what) {
        try {
            InternalCalls.Answer answer = calls.get(url, TIMEOUT);
            if (answer.status() == 404) {
                throw new ConnectionMissingException(what + " was not found");
            }
            if (answer.status() != 200) {
                throw new ConnectionUnavailableException(what + ": HTTP " + answer.status());
            }
            return JSON.readValue(answer.body(), type);
        } catch (InternalCalls.CallFailed e) {
            throw new ConnectionUnavailableException(what + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConnectionUnavailableException(what + ": " + e.getClass().getSimpleName());
        }
    }
}
