package io.exsync.worker.service;

import io.exsync.worker.client.Connection;
import io.exsync.worker.client.ConnectionSource;
import io.exsync.worker.config.WorkerConfig;
import io.exsync.worker.connector.GraphTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Connections cached briefly (a 2,000-mailbox job fetches its profile once), dropped on ProfileUpdated. */
@ApplicationScoped
public class ConnectionCache {

    private record Entry(Connection connection, Instant expiresAt) {
    }

    private final ConnectionSource source;
    private final GraphTokens tokens;
    private final Duration ttl;
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    public ConnectionCache(ConnectionSource source, GraphTokens tokens, WorkerConfig config) {
        this.source = source;
        this.tokens = tokens;
        this.ttl = config.connections().cacheTtl();
    }

    public Connection connection(UUID profileId) {
        Entry entry = cache.get(profileId);
        if (entry != null && Instant.now().isBefore(entry.expiresAt)) {
            return entry.connection;
        }
        Connection fresh = source.connection(profileId);
        cache.put(profileId, new Entry(fresh, Instant.now().plus(ttl)));
        return fresh;
    }

    /** The profile changed: its next test reads the connection (and a token) afresh. */
    public void invalidate(UUID profileId) {
        cache.remove(profileId);
        tokens.clear();
    }
}
