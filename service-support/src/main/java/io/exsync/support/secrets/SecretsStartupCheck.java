package io.exsync.support.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A service that stores secrets sets {@code exsync.secrets.required=true}: it refuses to start without an encryption
 * key rather than fail on the first save.
 */
@ApplicationScoped
public class SecretsStartupCheck {

    void onStart(@Observes StartupEvent event, SecretCipher cipher, SecretsConfig config) {
        if (config.required()) {
            cipher.requireActiveKey();
        }
    }
}
