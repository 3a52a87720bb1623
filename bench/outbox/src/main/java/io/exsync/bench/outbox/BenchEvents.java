package io.exsync.bench.outbox;

import io.exsync.events.EventJson;
import io.exsync.events.ProfileEvent.ProfileUpdated;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** {@code ProfileUpdated} events over a pool of profiles (varying keys, so all partitions are used). */
final class BenchEvents {

    static final int PROFILES = 10_000;
    private static final UUID ENVIRONMENT = UUID.fromString("be4c0000-0000-4000-8000-000000000001");
    private static final UUID OWNER = UUID.fromString("be4c0000-0000-4000-8000-000000000002");
    private static final UUID[] PROFILE_IDS = new UUID[PROFILES];

    static {
        for (int i = 0; i < PROFILES; i++) {
            PROFILE_IDS[i] = new UUID(0xbe4c_0000_0000_4000L, 0x8000_0000_0000_0000L | i);
        }
    }

    private BenchEvents() {
    }

    static ProfileUpdated event(long i) {
        int p = (int) (i % PROFILES);
        return new ProfileUpdated(ENVIRONMENT, PROFILE_IDS[p], "Exchange Online profile " + p, "EXCHANGE_ONLINE",
                "SERVER_TO_SERVER", "GRAPH", "PUBLIC", "ACTIVE", OWNER, 10 + (int) (i % 20),
                List.of("name", "maxConcurrentConnections"), false);
    }

    /** Mean size in bytes of the JSON payload (the Kafka record value) of the events this class makes. */
    static double meanJsonBytes() {
        long total = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            total += EventJson.write(event(i)).getBytes(StandardCharsets.UTF_8).length;
        }
        return (double) total / n;
    }
}
