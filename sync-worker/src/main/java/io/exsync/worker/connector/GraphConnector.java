package io.exsync.worker.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exsync.worker.client.Connection;
import io.exsync.worker.domain.Workload;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Graph, app-only: incoming = the inbox is readable, outgoing = mailboxSettings readable (send rights
 * without sending anything), ACT = calendar, contacts and To Do lists readable. Requests are sequential (the
 * runner holds one of the mailbox's 4 Graph slots).
 */
@ApplicationScoped
public class GraphConnector implements MailboxConnector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public GraphConnector(GraphTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Map<Workload, WorkloadResult> test(MailboxTarget mailbox, Connection connection) {
        String base = GraphTokens.trimSlash(connection.graphBaseUrl());
        String user = base + "/v1.0/users/" + URLEncoder.encode(mailbox.emailAddress(), StandardCharsets.UTF_8);
        return MailboxConnector.eachWorkload(mailbox, workload -> {
            List<String> paths = switch (workload) {
                case INCOMING -> List.of("/mailFolders/inbox");
                case OUTGOING -> List.of("/mailboxSettings");
                case ACT -> List.of("/calendar", "/contacts?$top=1", "/todo/lists");
            };
            for (String path : paths) {
                get(user + path, mailbox, connection, base);
            }
        });
    }

    private void get(String url, MailboxTarget mailbox, Connection connection, String resource)
            throws ConnectorException {
        String token = tokens.token(connection, resource, mailbox.remainingMs());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(mailbox.remainingMs()))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            throw ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE, "the Graph URL is not valid");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ConnectorException.fromIo(e, "Graph");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.unavailable("interrupted");
        }
        classify(response);
    }

    static void classify(HttpResponse<String> response) throws ConnectorException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String code = graphErrorCode(response.body());
        String detail = "Graph: HTTP " + status + (code.isEmpty() ? "" : " " + code);
        switch (status) {
            case 401 -> throw ConnectorException.permanent(ErrorCodes.CREDENTIALS_REJECTED, detail);
            case 403 -> throw ConnectorException.permanent(
                    "UserDisabled".equals(code) ? ErrorCodes.USER_DISABLED : ErrorCodes.CREDENTIALS_REJECTED, detail);
            case 404 -> throw ConnectorException.permanent(ErrorCodes.MAILBOX_NOT_ENABLED_FOR_REST_API.equals(code)
                    ? ErrorCodes.MAILBOX_NOT_ENABLED_FOR_REST_API : ErrorCodes.MAILBOX_NOT_FOUND, detail);
            case 429 -> throw ConnectorException.throttled(detail, retryAfter(response));
            default -> {
                if (status >= 500 || status == 408) {
                    throw ConnectorException.unavailable(detail);
                }
                throw ConnectorException.permanent(ErrorCodes.UNEXPECTED_RESPONSE, detail);
            }
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private static String graphErrorCode(String body) {
        try {
            return JSON.readTree(body).path("error").path("code").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
