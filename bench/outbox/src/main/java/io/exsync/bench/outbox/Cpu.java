package io.exsync.bench.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CPU went during a phase: this JVM (writer, relay, consumer), the Kafka broker, PostgreSQL, and
 * everything else on the machine (other agents' builds: the benchmark runs on a shared 2-core machine).
 */
final class Cpu {

    record Snapshot(long wallNanos, long selfMs, long kafkaMs, long postgresMs, long busyMs, long totalMs) {
    }

    private Cpu() {
    }

    static Snapshot snapshot() {
        long self = cpuMs(ProcessHandle.current());
        long kafka = 0;
        long postgres = 0;
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains("kafka.Kafka")) {
                kafka += cpuMs(p);
            } else if (p.info().user().orElse("").equals("postgres") || cmd.startsWith("postgres")) {
                postgres += cpuMs(p);
            }
        }
        long busy = 0;
        long total = 0;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] v = new long[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                v[i - 1] = Long.parseLong(f[i]);
            }
            // user nice system idle iowait irq softirq steal (USER_HZ = 100: 10 ms a tick)
            busy = (v[0] + v[1] + v[2] + v[5] + v[6] + (v.length > 7 ? v[7] : 0)) * 10;
            total = busy + (v[3] + v[4]) * 10;
        } catch (IOException | RuntimeException e) {
            // not Linux: machine figures stay 0
        }
        return new Snapshot(System.nanoTime(), self, kafka, postgres, busy, total);
    }

    private static long cpuMs(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** Cores used on average between two snapshots, per part; "other" is the rest of the machine. */
    static void report(Results results, String prefix, Snapshot a, Snapshot b) {
        double wallMs = (b.wallNanos() - a.wallNanos()) / 1e6;
        double self = (b.selfMs() - a.selfMs()) / wallMs;
        double kafka = (b.kafkaMs() - a.kafkaMs()) / wallMs;
        double postgres = (b.postgresMs() - a.postgresMs()) / wallMs;
        double machine = (b.busyMs() - a.busyMs()) / wallMs;
        double other = Math.max(0, machine - self - kafka - postgres);
        Map<String, Double> parts = Map.of("bench_jvm", self, "kafka", kafka, "postgres", postgres,
                "other", other, "machine", machine);
        parts.forEach((k, v) -> results.put(prefix + "cpu_" + k, String.format(Locale.ROOT, "%.2f", v)));
    }
}
