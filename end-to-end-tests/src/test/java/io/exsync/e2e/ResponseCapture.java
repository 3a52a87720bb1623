package io.exsync.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Issue 9's leak check, first half: a RestAssured filter on every call the end-to-end suite makes. It remembers the
 * secrets the scenario sent (the values of {@code clientSecret} and {@code password} fields in any request body,
 * to ExSync or to the simulator) and appends every response of an ExSync service to
 * {@code target/e2e-responses/responses.jsonl} (one JSON line: method, URL, status, body). The simulator's responses
 * are not captured: it stands in for Exchange, which holds the mailboxes' passwords by definition.
 */
final class ResponseCapture implements Filter {

    static final Path FILE = Path.of("target", "e2e-responses", "responses.jsonl");
    private static final Set<String> SECRET_FIELDS = Set.of("clientsecret", "password");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final Predicate<String> captured;

    /** {@code captured}: which request URLs' responses are written (those of the ExSync services). */
    ResponseCapture(Predicate<String> captured) throws IOException {
        this.captured = captured;
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, "");
    }

    /** The scenario's secrets sent so far. */
    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        secrets.addAll(secretsIn(bodyText(request.getBody())));
        Response answer = context.next(request, response);
        if (captured.test(request.getURI())) {
            ObjectNode line = JsonNodeFactory.instance.objectNode()
                    .put("method", request.getMethod())
                    .put("url", request.getURI())
                    .put("status", answer.statusCode())
                    .put("body", answer.asString());
            append(line.toString());
        }
        return answer;
    }

    private static synchronized void append(String line) {
        try {
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request body as sent: RestAssured keeps what the test gave (a map, a string or bytes) until it serialises. */
    private static String bodyText(Object body) {
        if (body == null) {
            return "";
        }
        if (body instanceof String text) {
            return text;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /** The values of every {@code clientSecret} / {@code password} field (any depth, any case) of a JSON text. */
    static Set<String> secretsIn(String json) {
        Set<String> found = ConcurrentHashMap.newKeySet();
        if (json == null || json.isBlank()) {
            return found;
        }
        try {
            collect(JSON.readTree(json), found);
        } catch (JsonProcessingException notJson) {
            // the hostile bodies of other suites are not JSON; the end-to-end suite sends none
        }
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELDS.contains(field.getKey().toLowerCase()) && field.getValue().isTextual()
                        && !field.getValue().asText().isEmpty()) {
                    found.add(field.getValue().asText());
                }
                collect(field.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, found));
        }
    }

    /**
     * How often each secret occurs in a text, as written or JSON-escaped (a secret with a quote or a backslash is
     * written differently inside a JSON string). Secrets without a hit are left out.
     */
    static Map<String, Integer> hits(String text, Set<String> secrets) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (String secret : secrets) {
            String escaped = JsonNodeFactory.instance.textNode(secret).toString();
            escaped = escaped.substring(1, escaped.length() - 1);
            int n = count(text, secret) + (escaped.equals(secret) ? 0 : count(text, escaped));
            if (n > 0) {
                hits.put(secret, n);
            }
        }
        return hits;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
