package io.exsync.support.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/**
 * Signs this service's service tokens (RS256, {@code groups: [Service]}) and caches one until a minute before it
 * expires. The key is read on first use, so a service that never calls another one needs none; a service that
 * does sets {@code exsync.service-token.required=true} and fails at startup instead of on its first call.
 * Tokens and the key are never logged.
 */
@ApplicationScoped
public class ServiceTokens {

    private final ServiceTokenConfig config;
    private volatile PrivateKey signingKey;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    public ServiceTokens(ServiceTokenConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.required()) {
            key();
        }
    }

    /** A valid service token (signed now or cached). */
    public synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenExpiry.minusSeconds(60))) {
            Instant expiry = Instant.now().plus(config.lifetime());
            token = Jwt.issuer(config.issuer()).subject(config.subject()).claim("tid", config.tenant())
                    .groups(Set.of(Caller.SERVICE)).expiresAt(expiry).jws().keyId(config.keyId()).sign(key());
            tokenExpiry = expiry;
        }
        return token;
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + token();
    }

    private PrivateKey key() {
        if (signingKey == null) {
            String location = config.keyLocation().filter(l -> !l.isBlank()).orElseThrow(() ->
                    new ServiceTokenUnavailableException("exsync.service-token.key-location "
                            + "(EXSYNC_SERVICE_TOKEN_KEY_LOCATION) is not set"));
            try {
                signingKey = KeyUtils.decodePrivateKey(Files.readString(Path.of(location)));
            } catch (Exception e) {
                // The message names the file, never its content.
                throw new ServiceTokenUnavailableException("cannot read the service token key at " + location);
            }
        }
        return signingKey;
    }

    /** No key to sign with: configuration, not a caller's fault. */
    public static class ServiceTokenUnavailableException extends RuntimeException {
        public ServiceTokenUnavailableException(String message) {
            super(message);
        }
    }
}
