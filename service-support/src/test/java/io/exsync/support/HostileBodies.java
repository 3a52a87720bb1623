package io.exsync.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ExtractableResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generator of hostile request bodies (issue 9, SPEC §3) from one valid body of an endpoint: malformed JSON, wrong
 * types, nulls, unknown enum values, huge numbers, a body over 1 MiB, deep nesting, control characters, SQL and
 * script payloads, invalid email addresses. Every generated body must be refused with a 4xx problem body that
 * echoes nothing of what was sent; {@link #verdict} says whether a response is such a refusal.
 *
 * <p>Only bodies that no correct endpoint may accept are generated: a type mutation always breaks the JSON type
 * of the template's value (the services bind JSON strictly, {@code StrictJson}); string payloads go only into the
 * fields the caller declares as validated (enum, email, id, plain text).
 */
public final class HostileBodies {

    /** Markers the response must never contain when they were sent. */
    public static final String SQL = "x'; DROP TABLE hostile_marker; --";
    public static final String SCRIPT = "<script>alert('hostile-marker')</script>";
    public static final List<String> INVALID_EMAILS = List.of("plainaddress", "@contoso.com", "ada@", "ada@contoso",
            "a da@contoso.com", "a@b@contoso.com", "ada@contoso..com", "ada@.contoso.com", "ada@contoso.com.",
            "ada@-contoso.com", "<ada@contoso.com>", "ada@contoso.com\r\nBcc: eve@evil.example", SQL, SCRIPT);
    /** Text no plain-text field accepts: control characters (NUL cannot even be stored by PostgreSQL). */
    public static final List<String> CONTROL_TEXT = List.of("a\u0000b", "esc\u001b[31m" + SQL, SCRIPT + "\u0007");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long ONE_MIB = 1024 * 1024;

    public record Body(String name, String json) {

        public Body {
            if (json == null) {
                throw new IllegalArgumentException("json must not be null");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String endpoint;
    private final ObjectNode template;
    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> enums = new LinkedHashSet<>();
    private final Set<String> emails = new LinkedHashSet<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final Set<String> plainText = new LinkedHashSet<>();
    private boolean unknownFieldsRejected = true;

    private HostileBodies(String endpoint, ObjectNode template) {
        this.endpoint = endpoint;
        this.template = template;
    }

    /** {@code validJson}: a body the endpoint accepts (an object). Paths below are dotted ({@code changes.profileId}). */
    public static HostileBodies of(String endpoint, String validJson) {
        try {
            JsonNode node = JSON.readTree(validJson);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the template must be a JSON object");
            }
            return new HostileBodies(endpoint, object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the template is not JSON", e);
        }
    }

    public static HostileBodies of(String endpoint, Map<String, ?> validBody) {
        return new HostileBodies(endpoint, JSON.valueToTree(validBody));
    }

    /** Fields whose null (or absence) is refused. */
    public HostileBodies required(String... paths) {
        required.addAll(List.of(paths));
        return this;
    }

    /** Fields holding one of a fixed set of names (enum values, or {@code @Pattern} alternatives). */
    public HostileBodies enums(String... paths) {
        enums.addAll(List.of(paths));
        return this;
    }

    public HostileBodies emails(String... paths) {
        emails.addAll(List.of(paths));
        return this;
    }

    /** UUID fields; a path ending in {@code []} names the elements of an array of ids. */
    public HostileBodies ids(String... paths) {
        ids.addAll(List.of(paths));
        return this;
    }

    /** Free text checked for control characters ({@code @PlainText}). */
    public HostileBodies plainText(String... paths) {
        plainText.addAll(List.of(paths));
        return this;
    }

    /** For the rare endpoint whose body is a free map (no unknown-field check). */
    public HostileBodies unknownFieldsAllowed() {
        unknownFieldsRejected = false;
        return this;
    }

    /** Every hostile body for this endpoint, named {@code <endpoint>: <what>}. */
    public List<Body> bodies() {
        List<Body> bodies = new ArrayList<>();
        bodies.addAll(malformed(endpoint, template.toString()));
        bodies.add(oversized());
        bodies.add(deeplyNestedField());
        if (unknownFieldsRejected) {
            bodies.add(with("unknown field carrying a script", copy -> copy.put("hostile", SCRIPT)));
            bodies.add(with("unknown field named by a script", copy -> copy.put(SCRIPT, 1)));
        }
        for (String path : leafPaths(template, "")) {
            bodies.addAll(typeMutations(path, at(template, path)));
        }
        for (String path : required) {
            bodies.add(with(path + " null", copy -> set(copy, path, NODES.nullNode())));
            bodies.add(with(path + " missing", copy -> remove(copy, path)));
        }
        for (String path : enums) {
            for (String value : List.of("NOT_A_VALUE", "", lowerCase(path), SQL, SCRIPT)) {
                bodies.add(with(path + " unknown value " + printable(value), copy -> set(copy, path, NODES.textNode(value))));
            }
        }
        for (String path : emails) {
            for (String value : INVALID_EMAILS) {
                bodies.add(with(path + " invalid email " + printable(value), copy -> set(copy, path, NODES.textNode(value))));
            }
        }
        for (String path : ids) {
            for (String value : List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", SQL, SCRIPT)) {
                bodies.add(with(path + " bad id " + printable(value), copy -> set(copy, path, NODES.textNode(value))));
            }
        }
        for (String path : plainText) {
            for (String value : CONTROL_TEXT) {
                bodies.add(with(path + " control characters " + printable(value),
                        copy -> set(copy, path, NODES.textNode(value))));
            }
        }
        return bodies;
    }

    /**
     * For the endpoints without a body ({@code POST …/{id}/cancel}): path ids no resource has. Each is a {@link Body}
     * whose {@code json} is the path segment (send it as the id; {@link #verdict} then checks it is not echoed).
     */
    public static List<Body> hostileIds(String endpoint) {
        List<Body> ids = new ArrayList<>();
        for (String id : List.of("not-a-uuid", java.util.UUID.randomUUID().toString(), SQL, SCRIPT, "%00")) {
            ids.add(new Body(endpoint + ": id " + printable(id), id));
        }
        return ids;
    }

    /** Bodies no JSON endpoint accepts, whatever it expects. */
    public static List<Body> malformed(String endpoint, String validJson) {
        String prefix = endpoint + ": ";
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body(prefix + "empty", ""));
        bodies.add(new Body(prefix + "form encoded", "name=x&email=y"));
        bodies.add(new Body(prefix + "truncated", validJson.substring(0, validJson.length() - 1)));
        bodies.add(new Body(prefix + "unterminated string", "{\"a\":\"" + SCRIPT));
        bodies.add(new Body(prefix + "trailing garbage", validJson + " x"));
        bodies.add(new Body(prefix + "two documents", validJson + validJson));
        bodies.add(new Body(prefix + "json null", "null"));
        bodies.add(new Body(prefix + "json array", "[" + validJson + "]"));
        bodies.add(new Body(prefix + "json string", "\"" + SQL + "\""));
        bodies.add(new Body(prefix + "json number", "99999999999999999999999999999999"));
        bodies.add(new Body(prefix + "single quotes", validJson.replace('"', '\'')));
        bodies.add(new Body(prefix + "unquoted key", "{hostile: 1}"));
        bodies.add(new Body(prefix + "comment", "/* " + SCRIPT + " */" + validJson));
        bodies.add(new Body(prefix + "raw control character", "{\"a\":\"x\u0000y\"}"));
        bodies.add(new Body(prefix + "duplicate keys", duplicateFirstKey(validJson)));
        bodies.add(new Body(prefix + "deeply nested arrays", "[".repeat(5000) + "]".repeat(5000)));
        bodies.add(new Body(prefix + "deeply nested objects", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        return bodies;
    }

    /**
     * Null when {@code response} refuses {@code body} properly: a 4xx (never 401/403 — the caller is allowed, the
     * body is the problem; 413 for a body over 1 MiB), {@code application/problem+json} with a {@code code}, no
     * class names or stack traces, and none of the hostile markers that were sent. Else what is wrong.
     */
    public static String verdict(Body body, ExtractableResponse<?> response) {
        int status = response.statusCode();
        String contentType = response.contentType();
        String text = response.body().asString();
        List<String> wrong = new ArrayList<>();
        if (status < 400 || status >= 500 || status == 401 || status == 403) {
            wrong.add("status " + status);
        }
        if (body.json().length() > ONE_MIB && status != 413) {
            wrong.add("not 413 for a body over 1 MiB");
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            wrong.add("content type " + contentType);
        } else {
            String code = response.jsonPath().getString("code");
            if (code == null || code.isBlank()) {
                wrong.add("no code");
            }
        }
        for (String leak : List.of("Exception", "java.", "\tat ", "jackson", "hibernate", "org.postgresql")) {
            if (text.contains(leak)) {
                wrong.add("leaks '" + leak + "'");
            }
        }
        for (String marker : List.of("hostile_marker", "hostile-marker", "<script", "DROP TABLE", "evil.example")) {
            if (body.json().contains(marker) && text.contains(marker)) {
                wrong.add("echoes '" + marker + "'");
            }
        }
        if (wrong.isEmpty()) {
            return null;
        }
        return body.name() + " -> " + String.join(", ", wrong) + ": " + abbreviate(text);
    }

    private List<Body> typeMutations(String path, JsonNode value) {
        List<Body> bodies = new ArrayList<>();
        List<JsonNode> replacements = new ArrayList<>();
        String kind;
        if (value.isTextual()) {
            kind = "text";
            replacements.add(NODES.numberNode(12));
            replacements.add(NODES.objectNode().put("value", SCRIPT));
        } else if (value.isIntegralNumber()) {
            kind = "integer";
            replacements.add(NODES.textNode(value.asText()));
            replacements.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999999")));
            replacements.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
            replacements.add(NODES.numberNode(2.5));
        } else if (value.isBoolean()) {
            kind = "boolean";
            replacements.add(NODES.textNode(value.asText()));
            replacements.add(NODES.numberNode(1));
        } else if (value.isArray()) {
            kind = "array";
            replacements.add(NODES.textNode(SQL));
            replacements.add(NODES.objectNode().put("0", SCRIPT));
        } else {
            return bodies;
        }
        for (JsonNode replacement : replacements) {
            bodies.add(with(path + " (" + kind + ") as " + abbreviate(replacement.toString()),
                    copy -> set(copy, path, replacement)));
        }
        return bodies;
    }

    private Body oversized() {
        String path = leafPaths(template, "").stream().filter(p -> at(template, p).isTextual()).findFirst()
                .orElse("padding");
        return with("over 1 MiB", copy -> set(copy, path, NODES.textNode("x".repeat((int) ONE_MIB + 1024))));
    }

    private Body deeplyNestedField() {
        String path = leafPaths(template, "").stream().findFirst().orElse("nested");
        // Written as text: Jackson's writer refuses (rightly) to produce more than 1000 levels.
        Body placeholder = with(path + " nested 2000 levels deep", copy -> set(copy, path, NODES.textNode("@DEEP@")));
        return new Body(placeholder.name(), placeholder.json().replace("\"@DEEP@\"",
                "[".repeat(2000) + "1" + "]".repeat(2000)));
    }

    private interface Mutation {
        void apply(ObjectNode copy);
    }

    private Body with(String what, Mutation mutation) {
        ObjectNode copy = template.deepCopy();
        mutation.apply(copy);
        try {
            return new Body(endpoint + ": " + what, JSON.writeValueAsString(copy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            if (field.getValue().isObject()) {
                paths.addAll(leafPaths(field.getValue(), path + "."));
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.replace("[]", "").split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Sets a dotted path; {@code ids[]} replaces the array by a one-element array holding the value. */
    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("[]")) {
            parent.set(last.substring(0, last.length() - 2), NODES.arrayNode().add(value));
        } else {
            parent.set(last, value);
        }
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.path(parts[i]);
        }
        if (parent instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        }
    }

    private String lowerCase(String path) {
        JsonNode value = at(template, path);
        return value.isTextual() && !value.textValue().equals(value.textValue().toLowerCase())
                ? value.textValue().toLowerCase() : "not_a_value";
    }

    private static String duplicateFirstKey(String validJson) {
        try {
            JsonNode node = JSON.readTree(validJson);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            if (!fields.hasNext()) {
                return "{\"a\":1,\"a\":2}";
            }
            Map.Entry<String, JsonNode> first = fields.next();
            return "{" + JSON.writeValueAsString(first.getKey()) + ":" + first.getValue() + ","
                    + validJson.substring(1);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return abbreviate(out.toString());
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
