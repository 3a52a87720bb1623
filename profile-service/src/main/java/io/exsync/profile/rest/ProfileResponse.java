package io.exsync.profile.rest;

import io.exsync.profile.domain.AuthenticationType;
import io.exsync.profile.domain.EmailServerProfile;
import io.exsync.profile.domain.MailServer;
import io.exsync.profile.domain.ProfileState;
import io.exsync.profile.domain.Protocol;
import io.exsync.profile.domain.ServerAuthority;
import io.exsync.profile.domain.ServerType;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A profile as clients see it: secrets only as {@code passwordSet} / {@code clientSecretSet}. */
public record ProfileResponse(UUID id, UUID environmentId, String name, ServerType serverType,
                              AuthenticationType authenticationType, Protocol protocol, ServerAuthority serverAuthority,
                              String defaultServerLocation, String authorityHost, String autodiscoverUrl,
                              boolean useAutodiscover, MailServerDto incomingServer, MailServerDto outgoingServer,
                              boolean useImpersonation, String exchangeOnlineTenantId, String clientId,
                              CredentialsView credentials, boolean isDefault, boolean setAsDefaultForNewMailboxes,
                              OffsetDateTime processEmailsReceivedAfter, int minPollingIntervalMinutes,
                              int maxConcurrentConnections, boolean moveFailedEmailsToUndeliverableFolder,
                              boolean sendAlertEmailToOwner, boolean timeoutMailboxConnection,
                              int timeoutMailboxConnectionAfterMs, UUID ownerId, ProfileState state,
                              OffsetDateTime createdOn, OffsetDateTime modifiedOn) {

    public record CredentialsView(String username, boolean passwordSet, boolean clientSecretSet) {
    }

    public static ProfileResponse of(EmailServerProfile p, boolean isDefault) {
        return new ProfileResponse(p.id, p.environmentId, p.name, p.serverType, p.authenticationType, p.protocol,
                p.serverAuthority, p.defaultServerLocation, p.authorityHost, p.autodiscoverUrl, p.useAutodiscover,
                server(p.incomingServer), server(p.outgoingServer), p.useImpersonation, p.exchangeOnlineTenantId,
                p.clientId, new CredentialsView(p.username, p.passwordCiphertext != null,
                p.clientSecretCiphertext != null), isDefault, isDefault, p.processEmailsReceivedAfter,
                p.minPollingIntervalMinutes, p.maxConcurrentConnections, p.moveFailedEmailsToUndeliverableFolder,
                p.sendAlertEmailToOwner, p.timeoutMailboxConnection, p.timeoutMailboxConnectionAfterMs, p.ownerId,
                p.state, p.createdOn, p.modifiedOn);
    }

    public static MailServerDto server(MailServer server) {
        return server == null || server.host == null ? null : new MailServerDto(server.host, server.port, server.useSsl);
    }
}
