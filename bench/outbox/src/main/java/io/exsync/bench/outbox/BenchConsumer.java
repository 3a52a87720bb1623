package io.exsync.bench.outbox;

import io.exsync.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain consumer (no group): assigned all partitions of the topic, positioned at their end before anything is
 * written, so it sees exactly the records published afterwards. Runs on its own thread.
 */
final class BenchConsumer implements Runnable, AutoCloseable {

    /** One record as received: its {@code ce_id}, {@code ce_time} and receive time (epoch µs), its size. */
    record Received(String id, long ceTimeMicros, long receivedMicros, int bytes) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long expected;
    private final boolean parseTimes;
    private final List<Received> received;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long count;
    private volatile long lastReceivedNanos;

    BenchConsumer(String bootstrap, String topic, long expected, boolean parseTimes) {
        this.expected = expected;
        this.parseTimes = parseTimes;
        this.received = new ArrayList<>((int) Math.min(expected, 5_000_000));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-outbox-consumer",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before any write
        thread = new Thread(this, "bench-consumer");
    }

    BenchConsumer start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        while (running && count < expected) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            if (records.isEmpty()) {
                continue;
            }
            long now = micros(Instant.now());
            for (ConsumerRecord<byte[], byte[]> r : records) {
                int bytes = Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
                for (Header h : r.headers()) {
                    bytes += h.key().length() + h.value().length;
                }
                String id = header(r, CloudEventHeaders.ID);
                long ceTime = parseTimes ? micros(Instant.parse(header(r, CloudEventHeaders.TIME))) : 0;
                received.add(new Received(id, ceTime, now, bytes));
            }
            lastReceivedNanos = System.nanoTime();
            count += records.count();
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    long count() {
        return count;
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Waits until the expected number arrived or the timeout passed; then the list is safe to read. */
    boolean await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        boolean all = !thread.isAlive();
        running = false;
        thread.join();
        return all;
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
