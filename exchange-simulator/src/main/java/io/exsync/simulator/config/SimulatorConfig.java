package io.exsync.simulator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The simulator's own settings; the HTTP port is Quarkus' {@code quarkus.http.port}. */
@ConfigMapping(prefix = "exsync.simulator")
public interface SimulatorConfig {

    /** Base URL put into discovery documents and {@code /admin/info}; by default the one the caller used. */
    Optional<String> publicBaseUrl();

    /** A scenario (SPEC §8 JSON) loaded at start. */
    Optional<String> scenarioFile();

    /** Lifetime of issued access tokens; Entra ID answers {@code expires_in: 3599}. */
    @WithDefault("3599")
    int tokenLifetimeSeconds();

    Mail mail();

    interface Mail {
        /** Whether IMAP, SMTP and POP3 are served at all. */
        @WithDefault("true")
        boolean enabled();

        /** Address the mail protocols bind to (loopback by default). */
        @WithDefault("127.0.0.1")
        String bindAddress();
    }

    /** IMAP port; 0 picks a free one (reported by {@code /admin/info}). */
    @WithDefault("3143")
    int imapPort();

    /** SMTP port; 0 picks a free one. */
    @WithDefault("3025")
    int smtpPort();

    /** POP3 port; 0 picks a free one. */
    @WithDefault("3110")
    int pop3Port();
}
