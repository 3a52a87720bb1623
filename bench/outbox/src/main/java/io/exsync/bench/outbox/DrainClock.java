package io.exsync.bench.outbox;

import io.agroal.api.AgroalDataSource;
import io.exsync.events.Topic;
import io.exsync.events.outbox.EventsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drain phase: counts the unsent rows, positions the consumer at the topic's end and starts the clock in a
 * start-up observer that runs before {@code OutboxRelay}'s (priority 1 &lt; the default 2500), so the measured
 * time covers the relay from its very first batch (including its producer's creation).
 */
@ApplicationScoped
public class DrainClock {

    private final AgroalDataSource dataSource;
    private final EventsConfig events;
    private final String phase;
    private final String bootstrap;
    private long expected;
    private BenchConsumer consumer;
    private long startNanos;
    private Cpu.Snapshot cpuAtStart;

    public DrainClock(AgroalDataSource dataSource, EventsConfig events,
                      @ConfigProperty(name = "bench.phase") String phase,
                      @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                      String bootstrap) {
        this.dataSource = dataSource;
        this.events = events;
        this.phase = phase;
        this.bootstrap = bootstrap;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) throws SQLException {
        if (!phase.equals("drain")) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            r.next();
            expected = r.getLong(1);
        }
        if (expected == 0) {
            return;
        }
        consumer = new BenchConsumer(bootstrap, Topic.PROFILE.name(events.topicPrefix()), expected, false);
        cpuAtStart = Cpu.snapshot();
        startNanos = System.nanoTime();
        consumer.start();
    }

    long expected() {
        return expected;
    }

    BenchConsumer consumer() {
        return consumer;
    }

    long startNanos() {
        return startNanos;
    }

    Cpu.Snapshot cpuAtStart() {
        return cpuAtStart;
    }
}
