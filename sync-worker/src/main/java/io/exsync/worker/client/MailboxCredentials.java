package io.exsync.worker.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** mailbox-service's {@code GET /api/v1/internal/mailboxes/{id}/credentials}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MailboxCredentials(UUID mailboxId, String username, String password) {
    @Override
    public String toString() {
        return "MailboxCredentials[mailboxId=" + mailboxId + ", secrets redacted]";
    }
}
