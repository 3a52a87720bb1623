package io.exsync.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "exsync.events")
public interface EventsConfig {

    /** Prefix of every topic name: {@code exsync.} gives {@code exsync.profile.events}. */
    @WithDefault("exsync.")
    String topicPrefix();

    /** CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    Outbox outbox();

    interface Outbox {
        /** Off only for tools that write rows for another process to relay. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Fallback poll when no commit woke the relay (another instance's commit, a failed attempt). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** How long sent rows are kept (for audit and re-publishing by hand) before they are purged. */
        @WithDefault("1h")
        Duration retention();

        /** Longest wait between attempts while Kafka or the database is unavailable. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
