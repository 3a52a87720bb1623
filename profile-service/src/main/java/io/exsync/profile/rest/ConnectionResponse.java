package io.exsync.profile.rest;

import io.exsync.profile.domain.AuthenticationType;
import io.exsync.profile.domain.Protocol;
import io.exsync.profile.domain.ServerType;

import java.util.UUID;

/**
 * What a connector needs to reach the mail server, secrets decrypted: only for service tokens, over the internal
 * endpoint. Endpoints are resolved (overrides first, then the server authority's defaults).
 */
public record ConnectionResponse(UUID profileId, UUID environmentId, String tenantId, ServerType serverType,
                                 AuthenticationType authenticationType, Protocol protocol, String authorityHost,
                                 String graphBaseUrl, String ewsUrl, String autodiscoverUrl, boolean useAutodiscover,
                                 MailServerDto incomingServer, MailServerDto outgoingServer, boolean useImpersonation,
                                 String exchangeOnlineTenantId, String clientId, String username, String password,
                                 String clientSecret, int maxConcurrentConnections, boolean timeoutMailboxConnection,
                                 int timeoutMailboxConnectionAfterMs, String state) {

    @Override
    public String toString() {
        return "ConnectionResponse[profileId=" + profileId + ", secrets redacted]";
    }
}
