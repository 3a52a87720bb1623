package io.exsync.bench.outbox;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.Topic;
import io.exsync.events.outbox.EventsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The outbox benchmark. One phase per run ({@code bench.phase}), so every phase has its own relay settings:
 * <ul>
 *   <li>{@code latency}: writers append one event per transaction at {@code bench.rate}/s; a plain consumer
 *       measures receive time − {@code ce_time} (the row's created_at, taken just before the insert: the figure
 *       includes the write transaction's insert and commit);</li>
 *   <li>{@code fill}: with the relay disabled, appends {@code bench.rows} events in transactions of
 *       {@code bench.fill-batch} through {@code Outbox.appendAll}, and exits;</li>
 *   <li>{@code drain}: started without Flyway clean on the filled table; {@link DrainClock} starts the consumer
 *       and the clock just before the relay's start-up observer; ends when every row was received and is marked
 *       sent;</li>
 *   <li>{@code breakdown} (diagnostics): drains the filled table with {@link RelayBreakdown}, a step-timed copy of
 *       the relay's batch, relay disabled.</li>
 * </ul>
 */
@QuarkusMain
public class BenchMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(BenchMain.class);

    @Inject
    BenchWriter writer;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventsConfig events;
    @Inject
    MeterRegistry registry;
    @Inject
    DrainClock drainClock;
    @Inject
    RelayBreakdown relayBreakdown;

    @ConfigProperty(name = "bench.phase")
    String phase;
    @ConfigProperty(name = "bench.out", defaultValue = " ")
    String out;
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrap;
    @ConfigProperty(name = "bench.rate", defaultValue = "1000")
    int rate;
    @ConfigProperty(name = "bench.warmup-seconds", defaultValue = "5")
    int warmupSeconds;
    @ConfigProperty(name = "bench.duration-seconds", defaultValue = "30")
    int durationSeconds;
    @ConfigProperty(name = "bench.writers", defaultValue = "8")
    int writers;
    @ConfigProperty(name = "bench.rows", defaultValue = "200000")
    int rows;
    @ConfigProperty(name = "bench.fill-batch", defaultValue = "1000")
    int fillBatch;
    @ConfigProperty(name = "bench.timeout-seconds", defaultValue = "600")
    int timeoutSeconds;

    public static void main(String... args) {
        Quarkus.run(BenchMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        Results results = new Results();
        int code = switch (phase) {
            case "latency" -> latency(results);
            case "fill" -> fill(results);
            case "drain" -> drain(results);
            case "breakdown" -> breakdown(results);
            default -> {
                LOG.errorf("unknown bench.phase %s (latency, fill, drain, breakdown)", phase);
                yield 2;
            }
        };
        results.write(out);
        return code;
    }

    String topic() {
        return Topic.PROFILE.name(events.topicPrefix());
    }

    // ----------------------------------------------------------------------------------------------------------
    // a) latency at a fixed rate
    // ----------------------------------------------------------------------------------------------------------

    private record Written(UUID id, long index, long dueMicros, long startMicros, long commitMicros) {
    }

    private int latency(Results results) throws Exception {
        long total = (long) rate * (warmupSeconds + durationSeconds);
        long warmup = (long) rate * warmupSeconds;
        results.put("latency_rate_target", rate);
        results.put("latency_warmup_s", warmupSeconds);
        results.put("latency_duration_s", durationSeconds);
        results.put("latency_writers", writers);
        results.put("latency_batch_size", events.outbox().batchSize());
        results.put("mean_json_bytes", BenchEvents.meanJsonBytes(), 1);

        try (BenchConsumer consumer = new BenchConsumer(bootstrap, topic(), total, true)) {
            consumer.start();
            // Open loop: event i is due at start + i/rate, whatever happened to the ones before it. The warm-up
            // has its own schedule, so a slow start (JIT, first connections) is not carried into the measurement.
            List<List<Written>> perThread = new ArrayList<>();
            writeAtRate(0, warmup, perThread);
            Cpu.Snapshot cpu0 = Cpu.snapshot();
            writeAtRate(warmup, total, perThread);
            boolean all = consumer.await(Duration.ofSeconds(30));
            Cpu.report(results, "latency_", cpu0, Cpu.snapshot());

            Map<String, Written> byId = new HashMap<>();
            perThread.forEach(list -> list.forEach(w -> byId.put(w.id().toString(), w)));
            List<Long> endToEnd = new ArrayList<>();
            List<Long> afterCommit = new ArrayList<>();
            List<Long> transaction = new ArrayList<>();
            List<Long> lateness = new ArrayList<>();
            long firstStart = Long.MAX_VALUE;
            long lastCommit = Long.MIN_VALUE;
            long bytes = 0;
            int matched = 0;
            for (BenchConsumer.Received r : consumer.received()) {
                Written w = byId.get(r.id());
                if (w == null) {
                    continue;
                }
                matched++;
                bytes += r.bytes();
                if (w.index() < warmup) {
                    continue;
                }
                endToEnd.add(r.receivedMicros() - r.ceTimeMicros());
                afterCommit.add(r.receivedMicros() - w.commitMicros());
                transaction.add(w.commitMicros() - w.startMicros());
                lateness.add(w.startMicros() - w.dueMicros());
                firstStart = Math.min(firstStart, w.startMicros());
                lastCommit = Math.max(lastCommit, w.commitMicros());
            }
            results.put("latency_written", byId.size());
            results.put("latency_received", matched);
            results.put("latency_all_received", all);
            results.put("latency_measured", endToEnd.size());
            results.put("mean_record_bytes", matched == 0 ? 0 : (double) bytes / matched, 1);
            results.put("latency_achieved_rate",
                    endToEnd.size() < 2 ? 0 : (endToEnd.size() - 1) / ((lastCommit - firstStart) / 1e6), 1);
            percentiles(results, "latency_e2e_", endToEnd);
            percentiles(results, "latency_commit_to_consume_", afterCommit);
            percentiles(results, "latency_write_tx_", transaction);
            percentiles(results, "latency_writer_lateness_", lateness);
            relayMetrics(results, "latency_");
            return all ? 0 : 1;
        }
    }

    /** Writes events {@code from} to {@code to} (exclusive), event i due at start + (i - from)/rate. */
    private void writeAtRate(long from, long to, List<List<Written>> perThread) throws InterruptedException {
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long startMicros = BenchConsumer.micros(Instant.now()) + 20_000;
        double periodNanos = 1e9 / rate;
        AtomicLong next = new AtomicLong(from);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            List<Written> mine = new ArrayList<>((int) ((to - from) / writers + 16));
            perThread.add(mine);
            threads.add(new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < to) {
                    long offset = (long) ((i - from) * periodNanos);
                    long wait = startNanos + offset - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long started = BenchConsumer.micros(Instant.now());
                    UUID id = writer.write(BenchEvents.event(i));
                    long committed = BenchConsumer.micros(Instant.now());
                    mine.add(new Written(id, i, startMicros + offset / 1000, started, committed));
                }
            }, "bench-writer-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void percentiles(Results results, String prefix, List<Long> micros) {
        long[] v = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (v.length == 0) {
            return;
        }
        results.put(prefix + "p50_ms", pct(v, 0.50) / 1000.0, 2);
        results.put(prefix + "p95_ms", pct(v, 0.95) / 1000.0, 2);
        results.put(prefix + "p99_ms", pct(v, 0.99) / 1000.0, 2);
        results.put(prefix + "max_ms", v[v.length - 1] / 1000.0, 2);
        results.put(prefix + "mean_ms", Arrays.stream(v).average().orElse(0) / 1000.0, 2);
    }

    private static long pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    // ----------------------------------------------------------------------------------------------------------
    // b) relay throughput: fill (relay disabled), then drain (another run of the app)
    // ----------------------------------------------------------------------------------------------------------

    private int fill(Results results) throws SQLException {
        if (events.outbox().relayEnabled()) {
            LOG.error("fill needs exsync.events.outbox.relay-enabled=false");
            return 2;
        }
        long started = System.nanoTime();
        List<ExSyncEvent> batch = new ArrayList<>(fillBatch);
        for (long i = 0; i < rows; i++) {
            batch.add(BenchEvents.event(i));
            if (batch.size() == fillBatch || i == rows - 1) {
                writer.writeAll(batch);
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long unsent = unsent();
        results.put("fill_rows", unsent);
        results.put("fill_seconds", seconds, 2);
        results.put("fill_rows_per_s", rows / seconds, 0);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze outbox_event"); // a steady table, as in a long-running service
        }
        return unsent == rows ? 0 : 1;
    }

    private int drain(Results results) throws Exception {
        if (!events.outbox().relayEnabled()) {
            LOG.error("drain needs the relay enabled");
            return 2;
        }
        long expected = drainClock.expected();
        BenchConsumer consumer = drainClock.consumer();
        results.put("drain_batch_size", events.outbox().batchSize());
        results.put("drain_rows", expected);
        if (expected == 0 || consumer == null) {
            LOG.error("drain found no unsent rows: run the fill phase first (and start drain without Flyway clean)");
            return 2;
        }
        try (consumer) {
            boolean all = consumer.await(Duration.ofSeconds(timeoutSeconds));
            long consumedNanos = consumer.lastReceivedNanos();
            long markedNanos;
            while (unsent() > 0) {
                if (System.nanoTime() - drainClock.startNanos() > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                    LOG.error("timeout: rows still unsent");
                    return 1;
                }
                Thread.sleep(5);
            }
            markedNanos = System.nanoTime();
            Cpu.report(results, "drain_", drainClock.cpuAtStart(), Cpu.snapshot());
            long end = Math.max(consumedNanos, markedNanos);
            double seconds = (end - drainClock.startNanos()) / 1e9;
            Set<String> ids = new HashSet<>();
            consumer.received().forEach(r -> ids.add(r.id()));
            results.put("drain_all_received", all);
            results.put("drain_received", consumer.received().size());
            results.put("drain_distinct_received", ids.size());
            results.put("drain_seconds", seconds, 3);
            results.put("drain_consumed_seconds", (consumedNanos - drainClock.startNanos()) / 1e9, 3);
            results.put("drain_events_per_s", expected / seconds, 0);
            steadyRate(results, expected);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("""
                         select count(distinct sent_at), extract(epoch from max(sent_at) - min(sent_at))
                         from outbox_event""")) {
                r.next();
                // sent_at = now() = start of each batch transaction: one distinct value per batch
                results.put("drain_batches", r.getLong(1));
                results.put("drain_first_to_last_batch_s", r.getDouble(2), 3);
            }
            Thread.sleep(100); // the relay counts a batch just after its commit
            relayMetrics(results, "drain_");
            return all ? 0 : 1;
        }
    }

    private int breakdown(Results results) throws Exception {
        if (events.outbox().relayEnabled()) {
            LOG.error("breakdown needs exsync.events.outbox.relay-enabled=false (it drains with its own copy)");
            return 2;
        }
        long expected = unsent();
        if (expected == 0) {
            LOG.error("breakdown found no unsent rows: run the fill phase first (and start it without Flyway clean)");
            return 2;
        }
        relayBreakdown.run(results, expected);
        return unsent() == 0 ? 0 : 1;
    }

    /** Rows/s after the first 10 % of the rows (JIT warm-up, first connections), from the sent_at marks. */
    private void steadyRate(Results results, long expected) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     with start as (select sent_at from outbox_event order by seq offset %d limit 1)
                     select count(*), extract(epoch from max(o.sent_at) - min(o.sent_at)),
                            count(*) filter (where o.sent_at = (select max(sent_at) from outbox_event))
                     from outbox_event o where o.sent_at >= (select sent_at from start)""".formatted(expected / 10))) {
            if (r.next() && r.getDouble(2) > 0) {
                // sent_at is the start of a batch: leave the last batch out of the count, its time is unknown
                results.put("drain_steady_events_per_s", (r.getLong(1) - r.getLong(3)) / r.getDouble(2), 0);
            }
        }
    }

    private void relayMetrics(Results results, String prefix) {
        Timer batch = registry.find("exsync.outbox.batch").timer();
        Counter published = registry.find("exsync.outbox.published").counter();
        if (batch != null && batch.count() > 0) {
            results.put(prefix + "relay_batches", batch.count());
            results.put(prefix + "relay_batch_mean_ms", batch.mean(TimeUnit.MILLISECONDS), 2);
            results.put(prefix + "relay_batch_max_ms", batch.max(TimeUnit.MILLISECONDS), 2);
            results.put(prefix + "relay_batch_total_s", batch.totalTime(TimeUnit.SECONDS), 3);
        }
        if (published != null) {
            results.put(prefix + "relay_published", (long) published.count());
        }
    }

    private long unsent() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            r.next();
            return r.getLong(1);
        }
    }
}
