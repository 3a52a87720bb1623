package io.exsync.worker.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.exsync.support.security.ServiceTokens;
import io.exsync.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Fetches connections from profile-service and mailbox credentials from mailbox-service with a service token
 * (service-support {@link ServiceTokens}). Responses are never logged: they hold secrets.
 */
@ApplicationScoped
public class HttpConnectionSource implements ConnectionSource {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndAddModules().build();

    private final WorkerConfig.Connections config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServiceTokens tokens;

    public HttpConnectionSource(WorkerConfig config, ServiceTokens tokens) {
        this.config = config.connections();
        this.tokens = tokens;
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
        String authorization;
        try {
            authorization = tokens.bearer();
        } catch (ServiceTokens.ServiceTokenUnavailableException e) {
            throw new ConnectionUnavailableException(e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw new ConnectionMissingException(what + " was not found");
            }
            if (response.statusCode() != 200) {
                throw new ConnectionUnavailableException(what + ": HTTP " + response.statusCode());
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ConnectionUnavailableException(what + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionUnavailableException(what + ": interrupted");
        }
    }
}
