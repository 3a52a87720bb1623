package io.exsync.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The service tokens this service signs for its internal calls (SPEC §2: {@code groups} contains {@code Service}).
 * Only the services that make internal calls need a key; the others never read it, so their production
 * configuration leaves it out.
 */
@ConfigMapping(prefix = "exsync.service-token")
public interface ServiceTokenConfig {

    /** PEM (PKCS#8) private key that signs the tokens ({@code EXSYNC_SERVICE_TOKEN_KEY_LOCATION}); dev/test: the dev-only key. */
    Optional<String> keyLocation();

    /** A service that makes internal calls sets this, and refuses to start without a readable key. */
    @WithDefault("false")
    boolean required();

    @WithDefault("https://exsync.dev/issuer")
    String issuer();

    /** The {@code tid} of service tokens: no tenant of a customer. */
    @WithDefault("exsync-services")
    String tenant();

    /** The {@code sub}: the calling service's id (a UUID, like every subject). */
    @WithDefault("00000000-0000-0000-0000-000000000000")
    String subject();

    @WithDefault("exsync-dev")
    String keyId();

    @WithDefault("15m")
    Duration lifetime();
}
