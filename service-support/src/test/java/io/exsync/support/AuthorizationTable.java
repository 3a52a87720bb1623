package io.exsync.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The authorization suite's runner (issue 9, point 3): a table written by hand in each service's test, rows =
 * endpoints (method + path template), columns = caller kinds, cell = the status SPEC §2/§5 expect. Every cell is a
 * plain HTTP call; all mismatches are collected and reported at once as (endpoint, caller, expected, actual).
 *
 * <p>Path templates name their parameters ({@code /api/v1/environments/{envId}/profiles/{profileId}}); each
 * parameter is a supplier called once per cell, so a write cell can get a fresh resource and cells stay
 * independent of their order. Bodies are suppliers too (fresh names per cell).
 */
public final class AuthorizationTable {

    /** No Authorization header. */
    public static final String NO_TOKEN = "NO_TOKEN";
    /** A token of a real caller (the environment's System Administrator, Global Administrator) that expired. */
    public static final String EXPIRED = "EXPIRED";
    /** The same claims signed with a key no service trusts. */
    public static final String WRONG_KEY = "WRONG_KEY";
    /** A valid token of another tenant, with the same {@code sub} as the environment's System Administrator and every directory role. */
    public static final String OTHER_TENANT = "OTHER_TENANT";
    /** A service token ({@code groups: [Service]}), as {@code ./exsync token --service} mints it. */
    public static final String SERVICE = "SERVICE";

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    private final List<String> columns;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> parameters = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private AuthorizationTable(List<String> columns) {
        this.columns = columns;
    }

    /** The caller kinds, in the order the rows' cells are written. */
    public static AuthorizationTable columns(String... columns) {
        return new AuthorizationTable(List.of(columns));
    }

    /**
     * Tokens for the five caller kinds every service shares, built around a real caller ({@code sub} of
     * {@code tenant}, with every directory role), so only the property under test makes the difference.
     */
    public AuthorizationTable standardCallers(UUID sub, String tenant) {
        String allGroups = "GlobalAdministrator,ExchangeAdministrator";
        tokens.put(NO_TOKEN, null);
        tokens.put(EXPIRED, TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant, "--groups", allGroups,
                "--expires-in", "-120"));
        tokens.put(WRONG_KEY, TestTokens.signWithForeignKey(TestTokens.claims(sub.toString(), tenant, 600)));
        tokens.put(OTHER_TENANT, TestTokens.exsyncToken("--sub", sub.toString(), "--tid",
                "other-tenant-" + UUID.randomUUID(), "--groups", allGroups));
        tokens.put(SERVICE, TestTokens.exsyncToken("--service", "--tid", "exsync-services"));
        return this;
    }

    /** A caller kind of the service's own: a user {@code sub} of {@code tenant} with {@code groups} (may be empty). */
    public static String userToken(UUID sub, String tenant, String groups) {
        return groups == null || groups.isEmpty()
                ? TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant)
                : TestTokens.exsyncToken("--sub", sub.toString(), "--tid", tenant, "--groups", groups);
    }

    public AuthorizationTable caller(String column, String token) {
        tokens.put(column, token);
        return this;
    }

    public AuthorizationTable parameter(String name, Object value) {
        String text = String.valueOf(value);
        parameters.put(name, () -> text);
        return this;
    }

    /** A parameter whose value is made anew for every cell (a fresh resource for a write that changes it). */
    public AuthorizationTable freshParameter(String name, Supplier<String> value) {
        parameters.put(name, value);
        return this;
    }

    public AuthorizationTable row(String method, String pathTemplate, int... expected) {
        return row(method, pathTemplate, null, expected);
    }

    public AuthorizationTable row(String method, String pathTemplate, Supplier<?> body, int... expected) {
        if (expected.length != columns.size()) {
            throw new IllegalArgumentException(method + " " + pathTemplate + ": " + expected.length
                    + " cells for " + columns.size() + " columns " + columns);
        }
        rows.add(new Row(method, pathTemplate, body, expected));
        return this;
    }

    public int cells() {
        return rows.size() * columns.size();
    }

    public int rows() {
        return rows.size();
    }

    /** Runs every cell and fails once, listing every mismatch. */
    public void assertAll() {
        for (String column : columns) {
            if (!tokens.containsKey(column)) {
                throw new IllegalStateException("no token for caller kind " + column);
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                int actual;
                String detail = "";
                try {
                    Response response = request(row, tokens.get(column));
                    actual = response.statusCode();
                    if (actual != row.expected[i]) {
                        detail = "  " + abbreviate(response.asString());
                    }
                } catch (RuntimeException e) {
                    actual = -1;
                    detail = "  " + e;
                }
                if (actual != row.expected[i]) {
                    mismatches.add(String.format("%-7s %-70s %-22s expected %d, got %d%s", row.method,
                            row.pathTemplate, column, row.expected[i], actual, detail));
                }
            }
        }
        System.out.printf("Authorization table: %d endpoints x %d callers = %d cells, %d mismatches%n",
                rows.size(), columns.size(), cells(), mismatches.size());
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + cells() + " authorization cells differ from the table:\n"
                    + String.join("\n", mismatches));
        }
    }

    private Response request(Row row, String token) {
        // Content-Type JSON on every call, as API clients send it (without it REST Assured sends a form type on a
        // body-less POST, and a 415 would hide the answer under test).
        RequestSpecification request = given().redirects().follow(false).contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.body != null) {
            request = request.body(row.body.get());
        }
        return request.request(row.method, resolve(row.pathTemplate));
    }

    private String resolve(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            Supplier<String> value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} in " + template);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value.get()));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private record Row(String method, String pathTemplate, Supplier<?> body, int[] expected) {
        @Override
        public String toString() {
            return method + " " + pathTemplate + " " + Arrays.toString(expected);
        }
    }
}
