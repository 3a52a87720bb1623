package io.exsync.simulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exsync.simulator.config.SimulatorConfig;
import io.exsync.simulator.domain.Scenario;
import io.exsync.simulator.domain.Tenant;
import io.exsync.simulator.service.ScenarioService;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks access tokens: compact JWTs (HS256, key made at start) whose claims name the tenant
 * ({@code tid}) and app ({@code appid}), like Entra ID's. A token is valid while unexpired and its app is still
 * in the scenario; a restart invalidates every token, as a key rotation would.
 */
@ApplicationScoped
public class TokenService {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"exsync-simulator\"}".getBytes(StandardCharsets.UTF_8));

    private final ScenarioService scenarios;
    private final SimulatorConfig config;
    private final ObjectMapper json;
    private final byte[] key = new byte[32];
    private final ThreadLocal<Mac> macs;

    public TokenService(ScenarioService scenarios, SimulatorConfig config, ObjectMapper json) {
        this.scenarios = scenarios;
        this.config = config;
        this.json = json;
        new SecureRandom().nextBytes(key);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The caller of a request: tenant and app of a valid token. */
    public record Caller(String tenant, String clientId) {
    }

    /** A check's result: the caller, or Graph's 401 message. */
    public record Check(Caller caller, String error) {
        public boolean valid() {
            return caller != null;
        }
    }

    public int lifetimeSeconds() {
        return config.tokenLifetimeSeconds();
    }

    public String issue(String tenant, String clientId, String scope, String issuer) {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = json.createObjectNode()
                .put("aud", scope.substring(0, scope.length() - "/.default".length()))
                .put("iss", issuer)
                .put("iat", now)
                .put("nbf", now)
                .put("exp", now + lifetimeSeconds())
                .put("appid", clientId)
                .put("azp", clientId)
                .put("tid", tenant)
                .put("oid", UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString())
                .put("sub", UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString())
                .put("ver", "2.0")
                .put("jti", UUID.randomUUID().toString());
        claims.putArray("roles").add("Mail.ReadWrite").add("Mail.Send").add("Calendars.ReadWrite")
                .add("Contacts.ReadWrite").add("Tasks.ReadWrite").add("MailboxSettings.Read")
                .add("User.Read.All").add("full_access_as_app");
        String unsigned = HEADER + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return unsigned + "." + B64.encodeToString(sign(unsigned));
    }

    /** Checks an {@code Authorization} header value ({@code Bearer <token>}). */
    public Check check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return new Check(null, "Access token is empty.");
        }
        String token = authorization.substring(7).trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return new Check(null, "IDX14100: JWT is not well formed, there are no dots (.).");
        }
        byte[] expected = sign(parts[0] + "." + parts[1]);
        byte[] actual;
        JsonNode claims;
        try {
            actual = B64D.decode(parts[2]);
            claims = json.readTree(B64D.decode(parts[1]));
        } catch (Exception e) {
            return new Check(null, "IDX14100: JWT is not well formed.");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Check(null, "Invalid signature.");
        }
        if (claims.path("exp").asLong() <= Instant.now().getEpochSecond()) {
            return new Check(null, "Lifetime validation failed, the token is expired.");
        }
        String tenant = claims.path("tid").asText();
        String clientId = claims.path("appid").asText();
        Scenario scenario = scenarios.current();
        Tenant known = scenario.tenants().get(tenant);
        if (known == null || !known.appSecrets().containsKey(clientId)) {
            return new Check(null, "The application or tenant of this token is no longer registered.");
        }
        return new Check(new Caller(tenant, clientId), null);
    }

    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(scenarios.current().tenants().get(id));
    }

    private byte[] sign(String content) {
        return macs.get().doFinal(content.getBytes(StandardCharsets.US_ASCII));
    }
}
