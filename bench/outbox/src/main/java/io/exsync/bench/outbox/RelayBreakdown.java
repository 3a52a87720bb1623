package io.exsync.bench.outbox;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.CloudEventHeaders;
import io.exsync.events.outbox.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Diagnostics only (phase {@code breakdown}, not part of the headline figures): a step-timed copy of
 * {@code OutboxRelay.publishBatch} (same SQL, same producer settings, same headers) that drains the filled table
 * and reports where a batch's time goes. {@code bench.copy.*} settings change one thing at a time to show what
 * a change to the real relay would be worth; nothing here changes shared-events.
 */
@ApplicationScoped
public class RelayBreakdown {

    private static final String SELECT_BATCH = """
            select seq, id, topic, aggregate_id, type, environment_id, payload, created_at
            from outbox_event where sent_at is null order by seq limit ?""";
    private static final String MARK_SENT = "update outbox_event set sent_at = now() where seq = any (?)";
    /** Variant: no retention of sent rows (they would have to be archived elsewhere if needed). */
    private static final String DELETE_SENT = "delete from outbox_event where seq = any (?)";
    /** Pipelined variant: the next batch starts after the last one selected, which is not yet marked. */
    private static final String SELECT_AFTER = """
            select seq, id, topic, aggregate_id, type, environment_id, payload, created_at
            from outbox_event where sent_at is null and seq > ? order by seq limit ?""";

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final String bootstrap;
    private final Map<String, Long> nanos = new HashMap<>();

    @ConfigProperty(name = "bench.copy.linger-ms", defaultValue = "1")
    int lingerMs;
    @ConfigProperty(name = "bench.copy.compression", defaultValue = "none")
    String compression;
    /** update (as the real relay: sent_at = now()) or delete. */
    @ConfigProperty(name = "bench.copy.mark", defaultValue = "update")
    String mark;
    /**
     * false (as the real relay): select, send, flush, wait for the acks, mark, commit, then the next batch.
     * true: select and send batch n+1 before waiting for the acks of batch n and marking it (same transaction),
     * so the broker's work overlaps the database's.
     */
    @ConfigProperty(name = "bench.copy.pipeline", defaultValue = "false")
    boolean pipeline;
    /** on (as the real relay) / off / local: what the commit's WAL flush costs per batch. */
    @ConfigProperty(name = "bench.copy.synchronous-commit", defaultValue = "on")
    String synchronousCommit;

    public RelayBreakdown(AgroalDataSource dataSource, EventsConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                          String bootstrap) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrap = bootstrap;
    }

    void run(Results results, long expected) throws Exception {
        long started = System.nanoTime();
        Cpu.Snapshot cpu0 = Cpu.snapshot();
        long sent = 0;
        int batches = 0;
        try (Producer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            add("producer_create", System.nanoTime() - started);
            int n;
            if (pipeline) {
                Pending previous = null;
                long cursor = 0;
                do {
                    Pending current = publishPipelined(producer, cursor, previous);
                    n = current.seqs().size();
                    sent += n;
                    batches += n > 0 ? 1 : 0;
                    previous = n > 0 ? current : null;
                    cursor = n > 0 ? current.seqs().get(n - 1) : cursor;
                } while (previous != null);
            } else {
                do {
                    n = publishBatch(producer);
                    sent += n;
                    batches += n > 0 ? 1 : 0;
                } while (n == config.outbox().batchSize());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Cpu.report(results, "breakdown_", cpu0, Cpu.snapshot());
        results.put("breakdown_batch_size", config.outbox().batchSize());
        results.put("breakdown_settings", "batch-size=" + config.outbox().batchSize() + ",linger.ms=" + lingerMs
                + ",compression=" + compression + ",mark=" + mark + ",synchronous_commit=" + synchronousCommit
                + ",pipeline=" + pipeline);
        results.put("breakdown_rows", sent);
        results.put("breakdown_expected", expected);
        results.put("breakdown_batches", batches);
        results.put("breakdown_seconds", seconds, 3);
        results.put("breakdown_events_per_s", sent / seconds, 0);
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        for (String step : List.of("producer_create", "connection_and_lock", "select_and_read", "producer_send",
                "flush_and_acks", "mark_update", "commit")) {
            long v = nanos.getOrDefault(step, 0L);
            results.put("breakdown_" + step + "_ms_per_batch", batches == 0 ? 0 : v / 1e6 / batches, 2);
            results.put("breakdown_" + step + "_share_pct", total == 0 ? 0 : 100.0 * v / total, 1);
        }
    }

    private int publishBatch(Producer<String, String> producer) throws Exception {
        long t = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            setSynchronousCommit(connection);
            lock(connection);
            t = lap("connection_and_lock", t);
            List<Long> seqs = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            long sendNanos = 0;
            try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
                select.setInt(1, config.outbox().batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                        ProducerRecord<String, String> record = toRecord(rows);
                        long s = System.nanoTime();
                        acks.add(producer.send(record));
                        sendNanos += System.nanoTime() - s;
                    }
                }
            }
            t = lap("select_and_read", t);
            add("select_and_read", -sendNanos);
            add("producer_send", sendNanos);
            if (seqs.isEmpty()) {
                connection.rollback();
                return 0;
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            t = lap("flush_and_acks", t);
            markSent(connection, seqs);
            t = lap("mark_update", t);
            connection.commit();
            lap("commit", t);
            return seqs.size();
        }
    }

    private void markSent(Connection connection, List<Long> seqs) throws SQLException {
        try (PreparedStatement m = connection.prepareStatement(mark.equals("delete") ? DELETE_SENT : MARK_SENT)) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            m.setArray(1, array);
            m.executeUpdate();
        }
    }

    private record Pending(List<Long> seqs, List<Future<RecordMetadata>> acks) {
    }

    /** Selects and sends the batch after {@code cursor}, then waits for and marks {@code previous}; one commit. */
    private Pending publishPipelined(Producer<String, String> producer, long cursor, Pending previous)
            throws Exception {
        long t = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            setSynchronousCommit(connection);
            lock(connection);
            t = lap("connection_and_lock", t);
            List<Long> seqs = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            long sendNanos = 0;
            try (PreparedStatement select = connection.prepareStatement(SELECT_AFTER)) {
                select.setLong(1, cursor);
                select.setInt(2, config.outbox().batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                        ProducerRecord<String, String> record = toRecord(rows);
                        long s = System.nanoTime();
                        acks.add(producer.send(record));
                        sendNanos += System.nanoTime() - s;
                    }
                }
            }
            t = lap("select_and_read", t);
            add("select_and_read", -sendNanos);
            add("producer_send", sendNanos);
            if (previous != null) {
                if (seqs.isEmpty()) {
                    producer.flush();
                }
                for (Future<RecordMetadata> ack : previous.acks()) {
                    ack.get();
                }
                t = lap("flush_and_acks", t);
                markSent(connection, previous.seqs());
                t = lap("mark_update", t);
            }
            connection.commit();
            lap("commit", t);
            return new Pending(seqs, acks);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, 0x0E5_0B0C_5E1AL + 1); // not the real relay's lock
            try (ResultSet r = lock.executeQuery()) {
                r.next();
            }
        }
    }

    private void setSynchronousCommit(Connection connection) throws SQLException {
        if (!synchronousCommit.equals("on")) {
            try (PreparedStatement s = connection.prepareStatement("set local synchronous_commit = "
                    + (synchronousCommit.equals("off") ? "off" : "local"))) {
                s.execute();
            }
        }
    }

    private long lap(String step, long since) {
        long now = System.nanoTime();
        add(step, now - since);
        return now;
    }

    private void add(String step, long v) {
        nanos.merge(step, v, Long::sum);
    }

    private Map<String, Object> producerConfig() {
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "bench-outbox-breakdown"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, lingerMs),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private ProducerRecord<String, String> toRecord(ResultSet row) throws SQLException {
        String id = row.getString(2);
        String aggregateId = row.getString(4);
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString(3), aggregateId, row.getString(7));
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                row.getTimestamp(8).toInstant().atOffset(ZoneOffset.UTC));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, row.getString(5));
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.SUBJECT, aggregateId);
        header(record, CloudEventHeaders.TIME, time);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        String environment = row.getString(6);
        if (environment != null) {
            header(record, CloudEventHeaders.ENVIRONMENT, environment);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
