package io.exsync.events.testing;

import io.exsync.events.Topic;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Gives each test JVM (one module's test run) topics of its own, {@code exsync-test-<random>.*}, created with several
 * partitions (so ordering is really tested) before the application starts, and points the application at them.
 * Runs never see each other's records: no backlog from earlier runs, no interference between modules.
 * The prefix lives in a system property because Quarkus loads this class in more than one class loader.
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX = prefix();
    public static final String BOOTSTRAP = System.getenv().getOrDefault("EXSYNC_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

    @Override
    public Map<String, String> start() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.name(PREFIX), 3, (short) 1));
            topics.add(new NewTopic(topic.deadLetterName(PREFIX), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(topics).values().values().forEach(TestTopics::ignoreExisting);
        }
        return Map.of("exsync.events.topic-prefix", PREFIX);
    }

    private static synchronized String prefix() {
        String prefix = System.getProperty("exsync.test.topic-prefix");
        if (prefix == null) {
            prefix = "exsync-test-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".";
            System.setProperty("exsync.test.topic-prefix", prefix);
        }
        return prefix;
    }

    private static void ignoreExisting(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create test topic", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
