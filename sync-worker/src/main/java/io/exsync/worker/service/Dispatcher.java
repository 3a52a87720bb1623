package io.exsync.worker.service;

import io.exsync.worker.config.WorkerConfig;
import io.exsync.worker.repository.JobMailboxRepository;
import io.exsync.worker.repository.JobMailboxRepository.Claim;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work loop: claims due mailboxes from {@code job_mailbox} (the durable queue every instance shares) and runs
 * them on a bounded pool. Woken at once by new requests, otherwise it polls, which is also how scheduled retries
 * come due and how rows of a dead instance are taken over when their lease runs out.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final WorkerConfig.Dispatcher config;
    private final JobMailboxRepository mailboxes;
    private final ConcurrencyLimits limits;
    private final Instance<TestRunner> runner;
    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, Integer> runningClaims = new ConcurrentHashMap<>();
    private ExecutorService pool;
    private ScheduledExecutorService heartbeat;
    private Thread loop;
    private volatile boolean running;

    public Dispatcher(WorkerConfig config, JobMailboxRepository mailboxes, ConcurrencyLimits limits,
                      Instance<TestRunner> runner, TransactionSynchronizationRegistry transactions) {
        this.config = config.dispatcher();
        this.mailboxes = mailboxes;
        this.limits = limits;
        this.runner = runner;
        this.transactions = transactions;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "mailbox-test-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "mailbox-test-dispatcher");
        loop.setDaemon(true);
        loop.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailbox-test-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps the leases of this instance's running tests and of the connection slots they hold alive; a killed
     * instance stops renewing them.
     */
    private void renewLeases() {
        try {
            List<UUID> claims = List.copyOf(runningClaims.keySet());
            if (!claims.isEmpty()) {
                mailboxes.renewLeases(claims, config.lease());
            }
            limits.renewSlots();
        } catch (RuntimeException e) {
            LOG.warnf("renewing the leases of running mailbox tests failed (retried): %s", e.toString());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void wakeUp() {
        wake.release();
    }

    /** Wakes the loop when the current transaction commits (new or re-queued mailboxes are visible then). */
    public void wakeUpAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    private void run() {
        while (running) {
            try {
                int free = config.threads() - inFlight.get();
                List<Claim> claims = free > 0 ? claim(free) : List.of();
                for (Claim claim : claims) {
                    inFlight.incrementAndGet();
                    runningClaims.merge(claim.claimId(), 1, Integer::sum);
                    pool.execute(() -> {
                        try {
                            runner.get().run(claim);
                        } catch (RuntimeException e) {
                            LOG.errorf("mailbox test %s failed unexpectedly: %s", claim.id(), e.toString());
                        } finally {
                            runningClaims.computeIfPresent(claim.claimId(), (id, n) -> n == 1 ? null : n - 1);
                            inFlight.decrementAndGet();
                            wakeUp();
                        }
                    });
                }
                if (claims.isEmpty() || claims.size() == free) {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("claiming mailbox tests failed (retrying): %s", e.toString());
                try {
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<Claim> claim(int limit) {
        return mailboxes.claim(limit, config.lease());
    }
}
