package io.exsync.worker.service;

import io.exsync.worker.config.WorkerConfig;
import io.exsync.worker.repository.JobMailboxRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Finishes jobs off the hot path. A mailbox result commits without locking its job (results of one job are written
 * by many threads and instances at once); after the commit the job is handed to this loop, which locks the job and
 * completes it only when no mailbox of it is pending any more. Because the check runs after the results committed,
 * the last result is always seen; a sweep over unfinished jobs covers a hand-over lost with a killed instance.
 */
@ApplicationScoped
public class JobCompleter {

    private static final Logger LOG = Logger.getLogger(JobCompleter.class);

    private final JobMailboxRepository mailboxes;
    private final JobService jobs;
    private final TransactionSynchronizationRegistry transactions;
    private final Duration sweepInterval;
    private final Set<UUID> due = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    public JobCompleter(JobMailboxRepository mailboxes, JobService jobs, TransactionSynchronizationRegistry transactions,
                        WorkerConfig config) {
        this.mailboxes = mailboxes;
        this.jobs = jobs;
        this.transactions = transactions;
        this.sweepInterval = config.dispatcher().pollInterval().multipliedBy(5);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        loop = new Thread(this::run, "job-completer");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
    }

    /** Checks the job once the current transaction has committed. */
    public void checkAfterCommit(UUID jobId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    due.add(jobId);
                    wake.release();
                }
            }
        });
    }

    private void run() {
        long nextSweep = 0;
        while (running) {
            try {
                wake.tryAcquire(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                List<UUID> candidates = new ArrayList<>();
                for (UUID id : due) {
                    due.remove(id);
                    candidates.add(id);
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    candidates.addAll(mailboxes.unfinishedJobsWithNothingPending());
                    nextSweep = System.nanoTime() + sweepInterval.toNanos();
                }
                for (UUID id : candidates.stream().distinct().toList()) {
                    if (!mailboxes.hasPending(id)) {
                        jobs.completeIfDone(id);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("completing jobs failed (retried at the next sweep): %s", e.toString());
            }
        }
    }
}
