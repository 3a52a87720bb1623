package io.exsync.worker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Jobs this instance has seen created, sized and started (committed), so the intake of a job's other mailboxes skips
 * those three statements. Only a hint: a job missing here (evicted, restarted instance) takes the full path, which
 * is idempotent. Bounded (least recently used out).
 */
@ApplicationScoped
public class StartedJobs {

    private static final int CAPACITY = 1_000;

    private final TransactionSynchronizationRegistry transactions;
    private final Map<UUID, Integer> totals = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Integer> eldest) {
            return size() > CAPACITY;
        }
    };

    public StartedJobs(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** True when the job is known to exist, to be RUNNING or later, and to have at least this total. */
    public synchronized boolean covers(UUID jobId, int total) {
        Integer known = totals.get(jobId);
        return known != null && known >= total;
    }

    public void rememberAfterCommit(UUID jobId, int total) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    remember(jobId, total);
                }
            }
        });
    }

    private synchronized void remember(UUID jobId, int total) {
        totals.merge(jobId, total, Math::max);
    }
}
