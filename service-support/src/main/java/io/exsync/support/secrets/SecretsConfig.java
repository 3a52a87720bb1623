package io.exsync.support.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/**
 * Keys for secrets at rest. {@code key-id} names the key new secrets are encrypted with; {@code keys} holds every key
 * still needed to decrypt (the active one and retired ones), base64 of 32 bytes each: rotate by adding a key,
 * switching {@code key-id}, and re-saving old secrets.
 */
@ConfigMapping(prefix = "exsync.secrets")
public interface SecretsConfig {

    /** Optional so services that keep no secrets start without keys; {@link SecretCipher} insists on first use. */
    Optional<String> keyId();

    /** The active key (base64 of 32 bytes) for {@code key-id}: {@code EXSYNC_SECRETS_KEY}. */
    Optional<String> key();

    /** Retired keys still needed to decrypt: key id → base64 key ({@code exsync.secrets.keys.<id>}). */
    Map<String, String> keys();

    /** A service that stores secrets sets this, and refuses to start without a key (SecretsStartupCheck). */
    @WithDefault("false")
    boolean required();

    @WithDefault("AES/GCM/NoPadding")
    String transformation();
}
