package io.exsync.worker.service;

import io.exsync.worker.domain.WorkState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * Job progress on {@code /q/metrics}, summed over the unfinished jobs (no label per job, so the series stay few):
 * {@code exsync_worker_job_mailboxes{state}} (mailboxes arrived, by work state), {@code
 * exsync_worker_job_mailboxes_expected} (the jobs' totals) and {@code exsync_worker_jobs_unfinished}. Read from the
 * database, so every instance reports the same numbers (aggregate with max, not sum); at most one pair of queries per
 * {@link #MAX_AGE_MS}, however often it is scraped.
 */
@ApplicationScoped
public class JobProgressMetrics {

    private static final Logger LOG = Logger.getLogger(JobProgressMetrics.class);
    static final long MAX_AGE_MS = 5_000;

    private record Snapshot(long takenAt, long jobs, long expected, Map<WorkState, Long> mailboxes) {
    }

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private volatile Snapshot snapshot = new Snapshot(0, 0, 0, new EnumMap<>(WorkState.class));

    public JobProgressMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("exsync_worker_jobs_unfinished", this, m -> m.current().jobs())
                .description("Test & Enable jobs not finished yet").strongReference(true).register(registry);
        Gauge.builder("exsync_worker_job_mailboxes_expected", this, m -> m.current().expected())
                .description("Sum of the totals of the unfinished jobs").strongReference(true).register(registry);
        for (WorkState state : WorkState.values()) {
            Gauge.builder("exsync_worker_job_mailboxes", this,
                            m -> m.current().mailboxes().getOrDefault(state, 0L))
                    .tag("state", state.name())
                    .description("Mailboxes of the unfinished jobs by work state").strongReference(true)
                    .register(registry);
        }
    }

    private synchronized Snapshot current() {
        long now = System.currentTimeMillis();
        if (now - snapshot.takenAt() < MAX_AGE_MS) {
            return snapshot;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long jobs;
            long expected;
            try (ResultSet rows = statement.executeQuery(
                    "select count(*), coalesce(sum(total), 0) from job where finished_on is null")) {
                rows.next();
                jobs = rows.getLong(1);
                expected = rows.getLong(2);
            }
            Map<WorkState, Long> mailboxes = new EnumMap<>(WorkState.class);
            try (ResultSet rows = statement.executeQuery("""
                    select m.state, count(*) from job_mailbox m join job j on j.id = m.job_id
                    where j.finished_on is null group by m.state""")) {
                while (rows.next()) {
                    mailboxes.put(WorkState.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            snapshot = new Snapshot(now, jobs, expected, mailboxes);
        } catch (SQLException | IllegalArgumentException e) {
            // Keep the last numbers; a scrape must not fail because the database is briefly away.
            LOG.debugf("job progress metrics not refreshed: %s", e.getMessage());
        }
        return snapshot;
    }
}
