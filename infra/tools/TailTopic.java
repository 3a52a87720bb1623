// Prints the records of a Kafka topic, one readable line each:
//   <ce_time>  <ce_type>  <ce_subject>  <value as compact JSON>
// Without CloudEvents headers it falls back to the record timestamp and key (or to the attributes of a
// structured-mode CloudEvent in the value). Values that are not UTF-8 are shown as "<n bytes>".
// No consumer group: all partitions are assigned; starts at the end unless --from-beginning. Ctrl-C ends it.
//
//   java -cp '.exsync/kafka/libs/*' infra/tools/TailTopic.java <bootstrap> <topic> [--from-beginning]

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

public class TailTopic {

    static final ObjectMapper JSON = new ObjectMapper();
    static boolean showIds;

    public static void main(String[] args) throws Exception {
        java.util.List<String> flags = args.length < 2 ? java.util.List.of()
                : java.util.Arrays.asList(args).subList(2, args.length);
        if (args.length < 2 || !java.util.Set.of("--from-beginning", "--ids", "--to-end").containsAll(flags)) {
            System.err.println("usage: TailTopic <bootstrap> <topic> [--from-beginning] [--ids] [--to-end]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String topic = args[1];
        boolean fromBeginning = flags.contains("--from-beginning");
        showIds = flags.contains("--ids");
        boolean toEnd = flags.contains("--to-end");

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "exsync-tail");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());

        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        Thread main = Thread.currentThread();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                closed.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));

        try {
            String resolved = resolveTopic(consumer, topic);
            if (resolved == null) {
                System.err.println("topic not found: " + topic);
                System.exit(1);
            }
            List<TopicPartition> partitions = consumer.partitionsFor(resolved, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position); // resolve the positions now, before producers write more
            // --to-end: stop at the end offsets of this moment (a snapshot of the topic, for scripts)
            java.util.Map<TopicPartition, Long> end = toEnd ? consumer.endOffsets(partitions) : java.util.Map.of();
            System.err.println("tailing " + resolved + " (" + partitions.size() + " partitions"
                    + (fromBeginning ? ", from the beginning" : "") + ")"
                    + (toEnd ? " to its current end" : "; Ctrl-C to stop"));
            while (!toEnd || end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.println(format(r));
                }
                System.out.flush();
            }
        } catch (WakeupException e) {
            // Ctrl-C
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            closed.countDown();
        }
    }

    /** The topic as given, else with the ExSync prefix (EXSYNC_TOPIC_PREFIX, default "exsync."). */
    static String resolveTopic(KafkaConsumer<?, ?> consumer, String topic) {
        String prefix = System.getenv().getOrDefault("EXSYNC_TOPIC_PREFIX", "exsync.");
        for (String candidate : List.of(topic, prefix + topic)) {
            List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(15)).get(candidate);
            if (infos != null && !infos.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    static String format(ConsumerRecord<byte[], byte[]> r) {
        String time = header(r, "ce_time");
        String type = header(r, "ce_type");
        String subject = header(r, "ce_subject");
        String value;
        byte[] raw = r.value();
        if (raw == null) {
            value = "<null>";
        } else {
            String text = utf8(raw);
            if (text == null) {
                value = "<" + raw.length + " bytes>";
            } else {
                JsonNode json = parseJson(text);
                if (json != null) {
                    // structured-mode CloudEvent: attributes live in the value
                    if (json.isObject() && json.has("specversion")) {
                        if (time == null && json.hasNonNull("time")) time = json.get("time").asText();
                        if (type == null && json.hasNonNull("type")) type = json.get("type").asText();
                        if (subject == null && json.hasNonNull("subject")) subject = json.get("subject").asText();
                    }
                    value = json.toString();
                } else {
                    value = text.replace("\r", "\\r").replace("\n", "\\n");
                }
            }
        }
        if (time == null) time = Instant.ofEpochMilli(r.timestamp()).toString();
        if (type == null) type = "-";
        if (subject == null) {
            String key = r.key() == null ? null : utf8(r.key());
            subject = r.key() == null ? "-" : key != null ? key : "<" + r.key().length + " bytes>";
        }
        String id = header(r, "ce_id");
        return time + "  " + type + "  " + subject + "  " + (showIds ? (id == null ? "-" : id) + "  " : "") + value;
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : utf8(h.value());
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static JsonNode parseJson(String text) {
        String t = text.strip();
        if (t.isEmpty() || "{[\"".indexOf(t.charAt(0)) < 0) {
            return null;
        }
        try {
            return JSON.readTree(t);
        } catch (Exception e) {
            return null;
        }
    }
}
