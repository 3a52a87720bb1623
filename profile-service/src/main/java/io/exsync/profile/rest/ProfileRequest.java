package io.exsync.profile.rest;

import io.exsync.profile.domain.AuthenticationType;
import io.exsync.profile.domain.ProfileState;
import io.exsync.profile.domain.Protocol;
import io.exsync.profile.domain.ServerAuthority;
import io.exsync.profile.domain.ServerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.exsync.support.validation.PlainText;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The writable fields of an email server profile (SPEC §4). Null means "the default for the server type" on
 * create; PATCH merges a JSON merge patch into the current values and validates the result as this record.
 */
public record ProfileRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotNull ServerType serverType,
        AuthenticationType authenticationType,
        Protocol protocol,
        ServerAuthority serverAuthority,
        @Size(max = 2048) @PlainText String defaultServerLocation,
        @Size(max = 2048) @PlainText String authorityHost,
        @Size(max = 2048) @PlainText String autodiscoverUrl,
        Boolean useAutodiscover,
        @Valid MailServerDto incomingServer,
        @Valid MailServerDto outgoingServer,
        Boolean useImpersonation,
        @Size(max = 200) @PlainText String exchangeOnlineTenantId,
        @Size(max = 200) @PlainText String clientId,
        @Valid CredentialsRequest credentials,
        Boolean setAsDefaultForNewMailboxes,
        OffsetDateTime processEmailsReceivedAfter,
        @Min(value = 0, message = "must be between 0 and 1440") @Max(value = 1440, message = "must be between 0 and 1440")
        Integer minPollingIntervalMinutes,
        @Min(value = 1, message = "must be between 1 and 300") @Max(value = 300, message = "must be between 1 and 300")
        Integer maxConcurrentConnections,
        Boolean moveFailedEmailsToUndeliverableFolder,
        Boolean sendAlertEmailToOwner,
        Boolean timeoutMailboxConnection,
        @Min(value = 0, message = "must be between 0 and 100000") @Max(value = 100000, message = "must be between 0 and 100000")
        Integer timeoutMailboxConnectionAfterMs,
        UUID ownerId,
        ProfileState state) {
}
