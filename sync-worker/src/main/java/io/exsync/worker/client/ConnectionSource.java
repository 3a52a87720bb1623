package io.exsync.worker.client;

import java.util.UUID;

/**
 * Where connections and mailbox credentials come from. Production: {@link HttpConnectionSource} (profile-service and
 * mailbox-service internal endpoints with a service token). Tests replace it with a double pointing at the simulator.
 */
public interface ConnectionSource {

    /** @throws ConnectionUnavailableException when it cannot be fetched now (retried like a transient error) */
    Connection connection(UUID profileId);

    /** @throws ConnectionUnavailableException when it cannot be fetched now */
    MailboxCredentials mailboxCredentials(UUID mailboxId);

    /** The service answered but has no such profile / credentials: the test fails permanently. */
    class ConnectionMissingException extends RuntimeException {
        public ConnectionMissingException(String message) {
            super(message, null, false, false);
        }
    }

    class ConnectionUnavailableException extends RuntimeException {
        public ConnectionUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
