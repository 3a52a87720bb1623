package io.exsync.worker.service;

import io.exsync.worker.config.WorkerConfig;
import io.exsync.worker.connector.ConnectorException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import io.exsync.worker.repository.ConnectionSlotRepository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The concurrency caps of SPEC §6, held in this instance: per profile (or per mailbox when the credentials are the
 * mailbox's) at most {@code maxConcurrentConnections}, per mailbox at most 4 Graph requests, per EWS endpoint at most
 * 27 — in this instance and, through leased database slots, across instances. Waiting for a permit counts against
 * the mailbox test's time limit. A database slot is leased like a claimed mailbox ({@code exsync.worker.dispatcher.lease})
 * and renewed by the dispatcher's heartbeat ({@link #renewSlots()}), so a killed instance's slots come free within one
 * lease whatever the test time limit.
 */
@ApplicationScoped
public class ConcurrencyLimits {

    private static final long SLOT_POLL_MS = 50;

    private final WorkerConfig.Caps caps;
    private final Duration lease;
    private final ConnectionSlotRepository slots;
    private final Map<String, Semaphore> semaphores = new ConcurrentHashMap<>();
    /** The holder ids of the database slots this instance holds now. */
    private final Set<UUID> heldSlots = ConcurrentHashMap.newKeySet();

    public ConcurrencyLimits(WorkerConfig config, MeterRegistry metrics, ConnectionSlotRepository slots) {
        this.caps = config.caps();
        this.lease = config.dispatcher().lease();
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
     * leased slot in {@code connection_slot} (renewed while held, so a killed instance's slot frees after one lease).
     */
    private Permit shared(String key, int capacity, long timeoutMs) throws ConnectorException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        Permit local = acquire(capacity + "|" + key, timeoutMs);
        try {
            UUID holder = UUID.randomUUID();
            while (true) {
                int slot = slots.tryAcquire(key, capacity, holder, OffsetDateTime.now().plus(lease));
                if (slot >= 0) {
                    heldSlots.add(holder);
                    return () -> {
                        try {
                            heldSlots.remove(holder);
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

    /** Extends the lease of every database slot this instance holds; returns how many rows it renewed. */
    public int renewSlots() {
        List<UUID> holders = List.copyOf(heldSlots);
        return holders.isEmpty() ? 0 : slots.renew(holders, OffsetDateTime.now().plus(lease));
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
