package io.exsync.worker.service;

import io.exsync.worker.config.WorkerConfig;
import io.exsync.worker.connector.ConnectorException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import io.exsync.worker.repository.ConnectionSlotRepository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The concurrency caps of SPEC §6, held in this instance: per profile (or per mailbox when the credentials are the
 * mailbox's) at most {@code maxConcurrentConnections}, per mailbox at most 4 Graph requests, per EWS endpoint at most
 * 27 — in this instance and, through leased database slots, across instances. Waiting for a permit counts against
 * the mailbox test's time limit.
 */
@ApplicationScoped
public class ConcurrencyLimits {

    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final long SLOT_POLL_MS = 50;

    private final WorkerConfig.Caps caps;
    private final ConnectionSlotRepository slots;
    private final Map<String, Semaphore> semaphores = new ConcurrentHashMap<>();

    public ConcurrencyLimits(WorkerConfig config, MeterRegistry metrics, ConnectionSlotRepository slots) {
        this.caps = config.caps();
        this.slots = slots;
        metrics.gauge("exsync_worker_connections_in_flight", semaphores,
                all -> all.entrySet().stream().filter(e -> e.getKey().contains("|profile:")
                                || e.getKey().contains("|mailbox:"))
                        .mapToInt(e -> capacityOf(e.getKey()) - e.getValue().availablePermits()).sum());
    }

    /** A held permit; closing it gives it back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** At most {@code maxConcurrentConnections} mailbox tests of a profile (or of one mailbox's own credentials). */
    public Permit profile(String key, int maxConcurrentConnections, long timeoutMs)
            throws ConnectorException, InterruptedException {
        return shared(key, Math.max(1, maxConcurrentConnections), timeoutMs);
    }

    /**
     * Graph: at most 4 requests per mailbox. A mailbox test's requests are sequential, so a test holds one of the
     * mailbox's 4 slots for its duration.
     */
    public Permit graphMailbox(String email, long timeoutMs) throws ConnectorException, InterruptedException {
        return shared("graph:" + email.toLowerCase(), caps.graphPerMailbox(), timeoutMs);
    }

    /** EWS: at most 27 concurrent calls per endpoint; a test's calls are sequential, it holds one slot. */
    public Permit ewsEndpoint(String endpoint, long timeoutMs) throws ConnectorException, InterruptedException {
        return shared("ews:" + endpoint, caps.ewsPerEndpoint(), timeoutMs);
    }

    /**
     * A cap that holds across instances: first this instance's semaphore (no database traffic beyond the cap), then a
     * leased slot in {@code connection_slot} (lease = the time limit plus a margin, so a killed instance frees it).
     */
    private Permit shared(String key, int capacity, long timeoutMs) throws ConnectorException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        Permit local = acquire(capacity + "|" + key, timeoutMs);
        try {
            UUID holder = UUID.randomUUID();
            while (true) {
                int slot = slots.tryAcquire(key, capacity, holder,
                        OffsetDateTime.now().plus(Duration.ofMillis(timeoutMs)).plus(LEASE_MARGIN));
                if (slot >= 0) {
                    return () -> {
                        try {
                            slots.release(key, slot, holder);
                        } finally {
                            local.close();
                        }
                    };
                }
                if (System.currentTimeMillis() + SLOT_POLL_MS > deadline) {
                    throw ConnectorException.unavailable("no connection slot free before the mailbox test timed out");
                }
                Thread.sleep(SLOT_POLL_MS / 2 + ThreadLocalRandom.current().nextLong(SLOT_POLL_MS));
            }
        } catch (ConnectorException | InterruptedException | RuntimeException e) {
            local.close();
            throw e;
        }
    }

    private Permit acquire(String key, long timeoutMs) throws ConnectorException, InterruptedException {
        Semaphore semaphore = semaphores.computeIfAbsent(key, k -> new Semaphore(capacityOf(k), true));
        if (!semaphore.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw ConnectorException.unavailable("no connection slot free before the mailbox test timed out");
        }
        return semaphore::release;
    }

    /** The capacity is part of the key, so a changed maxConcurrentConnections gets a fresh semaphore. */
    private static int capacityOf(String key) {
        return Integer.parseInt(key.substring(0, key.indexOf('|')));
    }
}
