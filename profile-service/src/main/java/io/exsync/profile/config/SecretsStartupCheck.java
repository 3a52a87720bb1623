package io.exsync.profile.config;

import io.exsync.support.secrets.SecretCipher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** This service stores secrets: refuse to start without an encryption key rather than fail on the first save. */
@ApplicationScoped
public class SecretsStartupCheck {

    void onStart(@Observes StartupEvent event, SecretCipher cipher) {
        cipher.requireActiveKey();
    }
}
