package io.exsync.worker.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.exsync.worker.config.WorkerConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Fetches connections from profile-service and mailbox credentials from mailbox-service with a service token
 * (groups {@code Service}) this worker signs itself. Responses are never logged: they hold secrets.
 */
@ApplicationScoped
public class HttpConnectionSource implements ConnectionSource {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndAddModules().build();
    private static final UUID SERVICE_SUBJECT = UUID.fromString("00000000-0000-0000-0000-000000000084");

    private final WorkerConfig.Connections config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile PrivateKey signingKey;
    private volatile String token;
    private volatile Instant tokenExpiry = Instant.EPOCH;

    public HttpConnectionSource(WorkerConfig config) {
        this.config = config.connections();
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + serviceToken()).header("Accept", "application/json").GET().build();
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

    private synchronized String serviceToken() {
        if (token == null || Instant.now().isAfter(tokenExpiry.minusSeconds(60))) {
            Instant expiry = Instant.now().plusSeconds(900);
            token = Jwt.issuer(config.serviceTokenIssuer()).subject(SERVICE_SUBJECT.toString())
                    .claim("tid", config.serviceTokenTenant()).groups(Set.of("Service"))
                    .expiresAt(expiry).jws().keyId("exsync-dev").sign(key());
            tokenExpiry = expiry;
        }
        return token;
    }

    private PrivateKey key() {
        if (signingKey == null) {
            String location = config.serviceTokenKeyLocation().orElseThrow(() -> new ConnectionUnavailableException(
                    "exsync.worker.connections.service-token-key-location is not set"));
            try {
                signingKey = KeyUtils.decodePrivateKey(Files.readString(Path.of(location)));
            } catch (Exception e) {
                throw new ConnectionUnavailableException("cannot read the service token key");
            }
        }
        return signingKey;
    }
}
