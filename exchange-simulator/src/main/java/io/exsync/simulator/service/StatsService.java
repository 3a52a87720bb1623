package io.exsync.simulator.service;

import io.exsync.simulator.rest.ScenarioDtos.Gauge;
import io.exsync.simulator.rest.ScenarioDtos.StatsResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and in-flight gauges per mailbox, app and endpoint, so tests can prove a client respects
 * concurrency limits. Lock-free: the hot path is a map lookup and three atomic updates.
 */
@ApplicationScoped
public class StatsService {

    private final LongAdder requests = new LongAdder();
    private final Map<String, Counter> byMailbox = new ConcurrentHashMap<>();
    private final Map<String, Counter> byApp = new ConcurrentHashMap<>();
    private final Map<String, Counter> byEndpoint = new ConcurrentHashMap<>();

    /**
     * Counts one request and marks it in flight until the returned handle is closed (once).
     * {@code mailbox} and {@code clientId} may be null when unknown.
     */
    public InFlight enter(String endpoint, String mailbox, String clientId) {
        requests.increment();
        Counter endpointCounter = byEndpoint.computeIfAbsent(endpoint, k -> new Counter()).enter();
        Counter mailboxCounter = mailbox == null ? null : byMailbox.computeIfAbsent(mailbox, k -> new Counter()).enter();
        Counter appCounter = clientId == null ? null : byApp.computeIfAbsent(clientId, k -> new Counter()).enter();
        return new InFlight(endpointCounter, mailboxCounter, appCounter);
    }

    public void reset() {
        requests.reset();
        byMailbox.clear();
        byApp.clear();
        byEndpoint.clear();
    }

    public StatsResponse snapshot() {
        return new StatsResponse(requests.sum(), gauges(byMailbox), gauges(byApp), gauges(byEndpoint));
    }

    private static Map<String, Gauge> gauges(Map<String, Counter> counters) {
        Map<String, Gauge> result = new TreeMap<>();
        counters.forEach((key, counter) -> result.put(key, new Gauge(counter.requests.sum(), counter.max.get())));
        return result;
    }

    static final class Counter {
        private final LongAdder requests = new LongAdder();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        Counter enter() {
            requests.increment();
            int now = inFlight.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            return this;
        }

        void exit() {
            inFlight.decrementAndGet();
        }
    }

    /** A request in flight; closing it more than once has no further effect. */
    public static final class InFlight implements AutoCloseable {
        private final Counter[] counters;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        InFlight(Counter... counters) {
            this.counters = counters;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                for (Counter counter : counters) {
                    if (counter != null) {
                        counter.exit();
                    }
                }
            }
        }
    }
}
