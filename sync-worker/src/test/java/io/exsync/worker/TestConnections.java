package io.exsync.worker;

import io.exsync.worker.client.Connection;
import io.exsync.worker.client.ConnectionSource;
import io.exsync.worker.client.MailboxCredentials;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of profile-service / mailbox-service: connections the tests register, pointing at the simulator. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestConnections implements ConnectionSource {

    private final Map<UUID, Connection> connections = new ConcurrentHashMap<>();
    private final Map<UUID, MailboxCredentials> credentials = new ConcurrentHashMap<>();

    public void put(Connection connection) {
        connections.put(connection.profileId(), connection);
    }

    public void credentials(UUID mailboxId, String username, String password) {
        credentials.put(mailboxId, new MailboxCredentials(mailboxId, username, password));
    }

    @Override
    public Connection connection(UUID profileId) {
        Connection connection = connections.get(profileId);
        if (connection == null) {
            throw new ConnectionMissingException("profile " + profileId + " was not found");
        }
        return connection;
    }

    @Override
    public MailboxCredentials mailboxCredentials(UUID mailboxId) {
        MailboxCredentials found = credentials.get(mailboxId);
        if (found == null) {
            throw new ConnectionMissingException("credentials of mailbox " + mailboxId + " were not found");
        }
        return found;
    }
}
