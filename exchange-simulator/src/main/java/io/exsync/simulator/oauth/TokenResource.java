package io.exsync.simulator.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.exsync.simulator.domain.Tenant;
import io.exsync.simulator.rest.BaseUrls;
import io.exsync.simulator.service.StatsService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entra ID's v2.0 token endpoint for the client-credentials grant, with its error bodies, plus enough OpenID
 * discovery for OIDC/MSAL clients to accept the authority.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final TokenService tokens;
    private final StatsService stats;
    private final BaseUrls urls;

    public TokenResource(TokenService tokens, StatsService stats, BaseUrls urls) {
        this.tokens = tokens;
        this.stats = stats;
        this.urls = urls;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenResponse(@JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") int expiresIn,
                                @JsonProperty("ext_expires_in") int extExpiresIn,
                                @JsonProperty("access_token") String accessToken) {
    }

    public record TokenError(String error, @JsonProperty("error_description") String errorDescription,
                             @JsonProperty("error_codes") List<Integer> errorCodes, String timestamp,
                             @JsonProperty("trace_id") String traceId,
                             @JsonProperty("correlation_id") String correlationId,
                             @JsonProperty("error_uri") String errorUri) {
    }

    @POST
    @Path("{tenant}/oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@PathParam("tenant") String tenant, @FormParam("grant_type") String grantType,
                          @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
                          @FormParam("scope") String scope, @HeaderParam("Authorization") String authorization,
                          @Context HttpServerRequest request) {
        // client_secret_basic (Quarkus OIDC client's default) as well as client_secret_post (MSAL's).
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(authorization);
            if (pair != null) {
                clientId = clientId == null ? pair[0] : clientId;
                clientSecret = clientSecret == null ? pair[1] : clientSecret;
            }
        }
        Tenant known = tokens.tenant(tenant).orElse(null);
        String countedApp = known != null && clientId != null && known.appSecrets().containsKey(clientId) ? clientId : null;
        try (StatsService.InFlight ignored = stats.enter("token", null, countedApp)) {
            if (known == null) {
                return error(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you"
                        + " have the correct tenant ID and are signing into the correct cloud. Check with your"
                        + " subscription administrator, this may happen if there are no active subscriptions for the tenant.");
            }
            if (!"client_credentials".equals(grantType)) {
                return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                        + grantType + "'.");
            }
            if (clientId == null || clientId.isBlank()) {
                return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
            }
            if (!known.appSecrets().containsKey(clientId)) {
                return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                        + "' was not found in the directory '" + tenant + "'. This can happen if the application has not"
                        + " been installed by the administrator of the tenant or consented to by any user in the tenant."
                        + " You may have sent your authentication request to the wrong tenant.");
            }
            if (clientSecret == null || clientSecret.isEmpty()) {
                return error(401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is"
                        + " required for the 'client_credentials' grant type.");
            }
            if (!known.appSecrets().get(clientId).equals(clientSecret)) {
                return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
                        + " sent in the request is the client secret value, not the client secret ID, for a secret added"
                        + " to app '" + clientId + "'.");
            }
            if (scope == null || !scope.endsWith("/.default") || scope.contains(" ")) {
                return error(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid."
                        + " Client credential flows must have a scope value with /.default suffixed to the resource"
                        + " identifier (application ID URI).");
            }
            String issuer = urls.base(request) + "/" + tenant + "/v2.0";
            int lifetime = tokens.lifetimeSeconds();
            return Response.ok(new TokenResponse("Bearer", lifetime, lifetime,
                    tokens.issue(tenant, clientId, scope, issuer))).build();
        }
    }

    @GET
    @Path("{tenant}/v2.0/.well-known/openid-configuration")
    public Response openIdConfiguration(@PathParam("tenant") String tenant, @Context HttpServerRequest request) {
        if (tokens.tenant(tenant).isEmpty()) {
            return error(400, "invalid_tenant", 90002, "Tenant '" + tenant + "' not found.");
        }
        String base = urls.base(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", base + "/" + tenant + "/oauth2/v2.0/token");
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        body.put("jwks_uri", base + "/" + tenant + "/discovery/v2.0/keys");
        body.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        body.put("subject_types_supported", List.of("pairwise"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        body.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        body.put("issuer", base + "/" + tenant + "/v2.0");
        body.put("authorization_endpoint", base + "/" + tenant + "/oauth2/v2.0/authorize");
        body.put("grant_types_supported", List.of("client_credentials"));
        body.put("tenant_region_scope", "WW");
        body.put("cloud_instance_name", "exchange-simulator");
        return Response.ok(body).build();
    }

    /** The keys document: empty, because tokens are signed with a secret only the simulator knows. */
    @GET
    @Path("{tenant}/discovery/v2.0/keys")
    public Map<String, Object> keys(@PathParam("tenant") String tenant) {
        return Map.of("keys", List.of());
    }

    /** MSAL's instance discovery: this host is its own, only alias. */
    @GET
    @Path("common/discovery/instance")
    public Map<String, Object> instanceDiscovery(@Context HttpServerRequest request) {
        String base = urls.base(request);
        String host = base.substring(base.indexOf("://") + 3);
        return Map.of("tenant_discovery_endpoint", base + "/common/v2.0/.well-known/openid-configuration",
                "api-version", "1.1",
                "metadata", List.of(Map.of("preferred_network", host, "preferred_cache", host, "aliases", List.of(host))));
    }

    private static String[] basic(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{
                    java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response error(int status, String error, int code, String description) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        String text = "AADSTS" + code + ": " + description + " Trace ID: " + traceId + " Correlation ID: "
                + correlationId + " Timestamp: " + timestamp;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new TokenError(error, text, List.of(code), timestamp, traceId, correlationId,
                        "https://login.microsoftonline.com/error?code=" + code))
                .build();
    }
}
