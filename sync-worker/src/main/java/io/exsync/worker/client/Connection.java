package io.exsync.worker.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * What a connector needs to reach a profile's mail server, secrets decrypted (profile-service's
 * {@code GET /api/v1/internal/profiles/{id}/connection}). Held in memory only; {@link #toString()} hides secrets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connection(UUID profileId, UUID environmentId, String tenantId, String serverType,
                         String authenticationType, String protocol, String authorityHost, String graphBaseUrl,
                         String ewsUrl, String autodiscoverUrl, boolean useAutodiscover, MailServer incomingServer,
                         MailServer outgoingServer, boolean useImpersonation, String exchangeOnlineTenantId,
                         String clientId, String username, String password, String clientSecret,
                         int maxConcurrentConnections, boolean timeoutMailboxConnection,
                         int timeoutMailboxConnectionAfterMs, String state) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MailServer(String host, Integer port, Boolean useSsl) {
        public boolean ssl() {
            return Boolean.TRUE.equals(useSsl);
        }
    }

    /** The credentials are the mailbox's own (per-mailbox concurrency, no impersonation). */
    public boolean usesMailboxCredentials() {
        return "CREDENTIALS_BY_USER_OR_QUEUE".equals(authenticationType);
    }

    /** App-only OAuth (client credentials) instead of a user name and password. */
    public boolean usesOAuth() {
        return "SERVER_TO_SERVER".equals(authenticationType) || "OAUTH_CROSS_TENANT".equals(authenticationType)
                || "EXCHANGE_HYBRID_MODERN_AUTH".equals(authenticationType);
    }

    /** The Entra ID tenant that issues app tokens. */
    public String oauthTenant() {
        return exchangeOnlineTenantId != null && !exchangeOnlineTenantId.isBlank() ? exchangeOnlineTenantId : tenantId;
    }

    /** The same connection with the mailbox's own user name and password. */
    public Connection withCredentials(String user, String secret) {
        return new Connection(profileId, environmentId, tenantId, serverType, authenticationType, protocol,
                authorityHost, graphBaseUrl, ewsUrl, autodiscoverUrl, useAutodiscover, incomingServer, outgoingServer,
                useImpersonation, exchangeOnlineTenantId, clientId, user, secret, clientSecret,
                maxConcurrentConnections, timeoutMailboxConnection, timeoutMailboxConnectionAfterMs, state);
    }

    /** Per-test time limit; 0 or "no timeout" falls back to SPEC's 100 s maximum. */
    public int timeoutMs() {
        return timeoutMailboxConnection && timeoutMailboxConnectionAfterMs > 0 ? timeoutMailboxConnectionAfterMs
                : 100_000;
    }

    @Override
    public String toString() {
        return "Connection[profileId=" + profileId + ", protocol=" + protocol + ", secrets redacted]";
    }
}
