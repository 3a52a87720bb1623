package io.exsync.worker.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exsync.worker.client.Connection;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * App-only tokens (OAuth 2.0 client credentials) from {@code {authorityHost}/{tenant}/oauth2/v2.0/token}, cached per
 * (authority, tenant, client, scope) until a minute before they expire. One token serves Graph and EWS.
 */
@ApplicationScoped
public class GraphTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private record Token(String value, Instant expiresAt, int secretHash) {
    }

    public String token(Connection connection, String resource, long timeoutMs) throws ConnectorException {
        if (connection.clientId() == null || connection.clientSecret() == null) {
            throw ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, "the profile has no client id or secret");
        }
        String authority = trimSlash(connection.authorityHost());
        String scope = trimSlash(resource) + "/.default";
        String key = authority + "|" + connection.oauthTenant() + "|" + connection.clientId() + "|" + scope;
        int secretHash = connection.clientSecret().hashCode();
        Token cached = cache.get(key);
        if (cached != null && cached.secretHash == secretHash && Instant.now().isBefore(cached.expiresAt)) {
            return cached.value;
        }
        Token fresh = fetch(authority, connection, scope, timeoutMs, secretHash);
        cache.put(key, fresh);
        return fresh.value;
    }

    /** Forget every token (ProfileUpdated may have changed the secret). */
    public void clear() {
        cache.clear();
    }

    private Token fetch(String authority, Connection connection, String scope, long timeoutMs, int secretHash)
            throws ConnectorException {
        String form = "grant_type=client_credentials&client_id=" + enc(connection.clientId()) + "&client_secret="
                + enc(connection.clientSecret()) + "&scope=" + enc(scope);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(authority + "/" + enc(connection.oauthTenant())
                            + "/oauth2/v2.0/token"))
                    .timeout(Duration.ofMillis(timeoutMs)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        } catch (IllegalArgumentException e) {
            throw ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE, "the authority host is not a URL");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ConnectorException.fromIo(e, "token endpoint");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                JsonNode body = JSON.readTree(response.body());
                long expiresIn = body.path("expires_in").asLong(3599);
                return new Token(body.path("access_token").asText(),
                        Instant.now().plusSeconds(Math.max(0, expiresIn - 60)), secretHash);
            } catch (IOException e) {
                throw ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE, "token response is not JSON");
            }
        }
        if (status == 429) {
            throw ConnectorException.throttled("token endpoint throttled", GraphConnector.retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            throw ConnectorException.unavailable("token endpoint: HTTP " + status);
        }
        // 400 invalid_request / unauthorized_client (unknown tenant or app), 401 invalid_client (wrong secret).
        throw ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, "token endpoint: HTTP " + status + " "
                + errorCode(response.body()));
    }

    private static String errorCode(String body) {
        try {
            return JSON.readTree(body).path("error").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    static String trimSlash(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceAll("/+$", "");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
