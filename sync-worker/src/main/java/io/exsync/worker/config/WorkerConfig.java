package io.exsync.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "exsync.worker")
public interface WorkerConfig {

    Retry retry();

    Dispatcher dispatcher();

    Caps caps();

    Connections connections();

    interface Retry {
        /** Transient failures (network, timeout, 5xx) retried this many times after the first try (SPEC §6: 10). */
        @WithDefault("10")
        int maxTransientRetries();

        /** Time between transient retries (SPEC §6: 5 minutes). */
        @WithDefault("5m")
        Duration interval();

        /** First throttling back-off when the server names none (429 without Retry-After); doubles, with jitter. */
        @WithDefault("1s")
        Duration throttleInitialBackoff();

        @WithDefault("5m")
        Duration throttleMaxBackoff();
    }

    interface Dispatcher {
        /** How often the due queue (job_mailbox.due_at) is polled when nothing woke the dispatcher. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Mailbox tests running at once in this instance (threads). */
        @WithDefault("32")
        int threads();

        /**
         * A claimed mailbox whose instance died is taken over after this lease. A living instance renews the lease
         * of its running tests every third of it, so the lease need not outlast the longest test.
         */
        @WithDefault("30s")
        Duration lease();

        @WithDefault("true")
        boolean enabled();
    }

    interface Caps {
        /** Microsoft Graph: concurrent requests per mailbox. */
        @WithDefault("4")
        int graphPerMailbox();

        /** EWS: concurrent connections per endpoint (Exchange Online's per-account limit). */
        @WithDefault("27")
        int ewsPerEndpoint();
    }

    interface Connections {
        /** profile-service base URL (internal connection endpoint). */
        @WithDefault("http://127.0.0.1:8081")
        String profileServiceUrl();

        /** mailbox-service base URL (internal credentials endpoint). */
        @WithDefault("http://127.0.0.1:8082")
        String mailboxServiceUrl();

        /** Connections are cached this long (and dropped at once on ProfileUpdated / ProfileDeactivated). */
        @WithDefault("60s")
        Duration cacheTtl();

        /** approval-service base URL (internal self-approval of Test &amp; Enable, SPEC §5). */
        @WithDefault("http://127.0.0.1:8083")
        String approvalServiceUrl();
    }
}
