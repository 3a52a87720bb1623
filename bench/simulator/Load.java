import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on one Graph endpoint of the exchange-simulator: N client threads, each sending the next request
 * when the previous answer arrived, for a fixed time after a warm-up. Prints requests/s and latency percentiles.
 * Usage: java Load.java <base-url> <bearer-token> <mailbox-count> <threads> <seconds>
 */
public class Load {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int mailboxes = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[5_000_000 / threads + 1];
            samples.add(latencies);
            int id = t;
            Thread worker = new Thread(() -> {
                int n = 0;
                int i = id;
                while (running.get()) {
                    String user = "user" + (1 + (i++ % mailboxes)) + "@bench.example";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1.0/users/" + user + "/mailFolders/inbox"))
                            .header("Authorization", "Bearer " + token).GET().build();
                    long started = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - started;
                        if (measuring.get()) {
                            if (response.statusCode() == 200) {
                                ok.incrementAndGet();
                                if (n < latencies.length) {
                                    latencies[n++] = took;
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        if (measuring.get()) {
                            failed.incrementAndGet();
                        }
                    }
                }
                latencies[latencies.length - 1] = n;
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(5_000);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        long total = 0;
        for (long[] s : samples) {
            total += s[s.length - 1];
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] s : samples) {
            int n = (int) s[s.length - 1];
            System.arraycopy(s, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        System.out.printf("threads=%d seconds=%.1f ok=%d failed=%d rate=%.0f req/s p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
                threads, elapsed, ok.get(), failed.get(), ok.get() / elapsed, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
