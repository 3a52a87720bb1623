package io.exsync.support.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exsync.support.security.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A call from one ExSync service to another's internal API ({@code /api/v1/internal/...}): JSON over
 * {@code java.net.http} with this service's token (service-support {@link ServiceTokens}) and a time limit per call.
 * Callers map the status to their own meaning; anything that leaves no status (unreachable, timed out, no token,
 * interrupted) is one {@link CallFailed} whose message names the cause's kind only. Bodies are never logged: some
 * hold secrets (a profile's connection, a mailbox's credentials).
 */
@ApplicationScoped
public class InternalCalls {

    /** Connecting inside the deployment is fast; a peer that does not accept within this is treated as down. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    public InternalCalls(ServiceTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    /** The status and body of an answer. */
    public record Answer(int status, String body) {
    }

    /** No answer: the peer was not reached or did not answer in time, or this service has no token to send. */
    public static final class CallFailed extends Exception {
        public CallFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    public Answer get(String url, Duration timeout) throws CallFailed {
        return send(request(url, timeout).GET());
    }

    public Answer post(String url, Object body, Duration timeout) throws CallFailed {
        return send(request(url, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(serialized(body))));
    }

    public Answer put(String url, Object body, Duration timeout) throws CallFailed {
        return send(request(url, timeout).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(serialized(body))));
    }

    private HttpRequest.Builder request(String url, Duration timeout) throws CallFailed {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Authorization", tokens.bearer()).header("Accept", "application/json");
        } catch (ServiceTokens.ServiceTokenUnavailableException e) {
            throw new CallFailed(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CallFailed("invalid URL");
        }
    }

    private String serialized(Object body) throws CallFailed {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new CallFailed("body not serializable: " + e.getClass().getSimpleName());
        }
    }

    private Answer send(HttpRequest.Builder request) throws CallFailed {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new CallFailed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed("interrupted");
        }
    }
}
