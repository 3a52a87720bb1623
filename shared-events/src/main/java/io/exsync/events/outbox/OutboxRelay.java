package io.exsync.events.outbox;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes {@code outbox_event} rows to Kafka in CloudEvents binary mode and marks them sent once the broker
 * has acknowledged them. At-least-once: a crash between publish and mark publishes the rows again with the same
 * {@code ce_id}, which idempotent consumers ignore.
 *
 * <p>One relay per database publishes at a time (a transaction-scoped advisory lock), so rows go out in
 * {@code seq} order and events of one aggregate (same key, same partition) keep their order even with several
 * service instances. The relay sleeps until a commit wakes it ({@link #wakeUp()}) or the poll interval passes.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that elects the publishing relay of a database. */
    private static final long RELAY_LOCK = 0x0E5_0B0C_5E1AL;
    private static final String SELECT_BATCH = """
            select seq, id, topic, aggregate_id, type, environment_id, payload, created_at
            from outbox_event where sent_at is null order by seq limit ?""";
    private static final String MARK_SENT = "update outbox_event set sent_at = now() where seq = any (?)";
    private static final String PURGE = "delete from outbox_event where sent_at < now() - make_interval(secs => ?)";
    private static final String LAG = """
            select count(*), extract(epoch from (now() - min(created_at))) from outbox_event where sent_at is null""";

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();

    private volatile boolean running;
    private volatile Thread thread;
    private Producer<String, String> producer;
    private Counter published;
    private Timer batchTimer;

    public OutboxRelay(AgroalDataSource dataSource, EventsConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                       String bootstrapServers,
                       MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        published = Counter.builder("exsync.outbox.published")
                .description("Outbox events acknowledged by Kafka (rate = relay throughput)").register(registry);
        batchTimer = Timer.builder("exsync.outbox.batch")
                .description("Time to publish and mark one batch").register(registry);
        Gauge.builder("exsync.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder("exsync.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unsent outbox row").register(registry);
        if (!config.outbox().relayEnabled()) {
            LOG.info("Outbox relay disabled (exsync.events.outbox.relay-enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that wrote outbox rows: publish now rather than at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private Map<String, Object> producerConfig() {
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 1),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        Instant nextPurge = Instant.now();
        while (running) {
            try {
                int sent;
                do {
                    sent = publishBatch();
                } while (sent == config.outbox().batchSize() && running);
                refreshLag();
                if (Instant.now().isAfter(nextPurge)) {
                    purge();
                    nextPurge = Instant.now().plus(Duration.ofMinutes(1));
                }
                backoff = Duration.ZERO;
                awaitWakeUp(config.outbox().pollInterval());
            } catch (Exception e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2),
                        config.outbox().maxBackoff());
                // The message only: events carry no secrets, but a payload has no place in a log line either.
                LOG.warnf("Outbox relay attempt failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                awaitWakeUp(backoff);
            }
        }
    }

    /** Publishes up to one batch and marks it sent; returns the number of rows published. */
    int publishBatch() throws SQLException, InterruptedException, ExecutionException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                long started = System.nanoTime();
                List<Long> seqs = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
                    select.setInt(1, config.outbox().batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            seqs.add(rows.getLong(1));
                            acks.add(producer.send(toRecord(rows)));
                        }
                    }
                }
                if (seqs.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                    Array array = connection.createArrayOf("bigint", seqs.toArray());
                    mark.setArray(1, array);
                    mark.executeUpdate();
                }
                connection.commit();
                published.increment(seqs.size());
                batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return seqs.size();
            } catch (SQLException | RuntimeException | InterruptedException | ExecutionException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private ProducerRecord<String, String> toRecord(ResultSet row) throws SQLException {
        String id = row.getString(2);
        String aggregateId = row.getString(4);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(row.getString(3), aggregateId, row.getString(7));
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

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void refreshLag() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(LAG)) {
            if (result.next()) {
                pending.set(result.getLong(1));
                lagMillis.set(Math.round(result.getDouble(2) * 1000));
            }
        }
    }

    private void purge() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setDouble(1, config.outbox().retention().toSeconds());
            purge.executeUpdate();
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
