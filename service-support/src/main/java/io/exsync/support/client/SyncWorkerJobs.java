package io.exsync.support.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/**
 * Registers a Test &amp; Enable job on the sync-worker ({@code PUT /api/v1/internal/jobs/{jobId}}, service token), so
 * the {@code Location} of a 202 is readable at once (SPEC §4).
 * <p>
 * Best effort, by choice: the request's events are already committed to the outbox, so the run happens whether or
 * not this call succeeds. When the worker is unreachable or refuses, the caller still answers 202, a warning is
 * logged (job id and status only), and the job appears on the worker with its first mailbox request. The call is
 * kept short ({@code exsync.job-registration.timeout}, 2 s) so a worker outage never stalls the API.
 */
@ApplicationScoped
public class SyncWorkerJobs {

    private static final Logger LOG = Logger.getLogger(SyncWorkerJobs.class);

    private final InternalCalls calls;
    private final Duration timeout;
    private final String workerUrl;

    public SyncWorkerJobs(InternalCalls calls, Config config) {
        this.calls = calls;
        this.timeout = config.timeout();
        this.workerUrl = config.workerUrl().replaceAll("/+$", "");
    }

    /** @return true when the worker has the job (200); false when it could not be told (logged). */
    public boolean register(UUID jobId, JobRegistration registration) {
        try {
            int status = calls.put(workerUrl + "/api/v1/internal/jobs/" + jobId, registration, timeout).status();
            if (status == 200) {
                return true;
            }
            LOG.warnf("sync-worker refused to register job %s: HTTP %d; it appears with its first request",
                    jobId, status);
        } catch (InternalCalls.CallFailed e) {
            LOG.warnf("sync-worker not reached to register job %s (%s); it appears with its first request",
                    jobId, e.getMessage());
        }
        return false;
    }

    @ConfigMapping(prefix = "exsync.job-registration")
    public interface Config {
        /**
         * The sync-worker as this service reaches it: {@code EXSYNC_SYNC_WORKER_INTERNAL_URL}, else
         * {@code EXSYNC_SYNC_WORKER_URL} (the base of the Location clients get).
         */
        @WithDefault("http://127.0.0.1:8084")
        String workerUrl();

        /** Connect and response time limit of the registration call. */
        @WithDefault("2s")
        Duration timeout();
    }
}
