package io.exsync.e2e;

import io.exsync.events.testing.TestTopics;
import io.exsync.support.TestTokens;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system as separate processes: the exchange-simulator and the four services, started once per test run
 * from their packaged jars ({@code target/quarkus-app/quarkus-run.jar}) in the production profile, on free ports,
 * with topics of their own ({@code exsync-e2e-<random>.*}) and the {@code exsync_e2e_*} databases. Stopped when the
 * run ends. Logs: {@code end-to-end-tests/target/e2e-logs/<module>.log}; the services' responses:
 * {@code target/e2e-responses/responses.jsonl} ({@link ResponseCapture}).
 */
public final class ExSyncSystem implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static final String DEV_SECRETS_KEY = "ZGV2LW9ubHkta2V5LW5ldmVyLXVzZS1pbi1wcm9kLiE=";
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static volatile boolean started;
    private static ResponseCapture capture;

    public static String topicPrefix() {
        return TestTopics.PREFIX;
    }

    /** Every response of an ExSync service this run, and the secrets the scenario sent (see the leak check). */
    static ResponseCapture capture() {
        return capture;
    }

    public static String url(String module) {
        return "http://127.0.0.1:" + PORTS.get(module);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (ExSyncSystem.class) {
            if (started) {
                return;
            }
            System.setProperty("exsync.test.topic-prefix", "exsync-e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".");
            new TestTopics().start();
            resetDatabases();
            for (String module : List.of("exchange-simulator", "profile-service", "mailbox-service",
                    "approval-service", "sync-worker")) {
                PORTS.put(module, freePort());
            }
            // Whatever happens (a service that does not start, a killed test JVM), no process outlives the run.
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "e2e-stop-services"));
            try {
                for (String module : PORTS.keySet()) {
                    start(module);
                }
                for (String module : PORTS.keySet()) {
                    awaitReady(module);
                }
            } catch (Exception | Error e) {
                close();
                throw e;
            }
            capture = new ResponseCapture(uri -> PORTS.keySet().stream()
                    .filter(module -> !module.equals("exchange-simulator"))
                    .anyMatch(module -> uri.startsWith(url(module) + "/")));
            io.restassured.RestAssured.filters(capture);
            started = true;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(ExSyncSystem.class.getName(), this);
        }
    }

    /** Every run starts from empty databases: the services migrate them at start (no state from an earlier run). */
    private static void resetDatabases() throws java.sql.SQLException {
        String host = System.getenv().getOrDefault("EXSYNC_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("EXSYNC_DB_PORT", "5432");
        for (String database : List.of("exsync_e2e_profile", "exsync_e2e_mailbox", "exsync_e2e_approval",
                "exsync_e2e_worker")) {
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + port + "/" + database, "exsync", "exsync");
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists public cascade");
                statement.execute("create schema public");
            }
        }
    }

    private void start(String module) throws IOException {
        Path root = TestTokens.repositoryRoot();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B package)");
        }
        Path logs = Path.of("target", "e2e-logs");
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-Xmx384m", "-jar",
                jar.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(logs.resolve(module + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(PORTS.get(module)));
        env.put("EXSYNC_TOPIC_PREFIX", topicPrefix());
        // Consumer groups of this run only: a member of another run can never hold its partitions.
        env.put("EXSYNC_CONSUMER_GROUP", module + "-" + topicPrefix().replace(".", ""));
        env.put("EXSYNC_KAFKA_BOOTSTRAP", TestTopics.BOOTSTRAP);
        env.put("EXSYNC_DB_NAME", "exsync_e2e_" + module.replace("-service", "").replace("sync-", ""));
        env.put("EXSYNC_JWT_PUBLIC_KEY_LOCATION", root.resolve("config/dev-only-keys/jwt-public.pem").toString());
        env.put("EXSYNC_SECRETS_KEY_ID", "dev-only");
        env.put("EXSYNC_SECRETS_KEY", DEV_SECRETS_KEY);
        env.put("EXSYNC_SYNC_WORKER_URL", url("sync-worker"));
        env.put("EXSYNC_PROFILE_SERVICE_URL", url("profile-service"));
        env.put("EXSYNC_MAILBOX_SERVICE_URL", url("mailbox-service"));
        env.put("EXSYNC_APPROVAL_SERVICE_URL", url("approval-service"));
        env.put("EXSYNC_SERVICE_TOKEN_KEY_LOCATION", root.resolve("config/dev-only-keys/jwt-private.pem").toString());
        env.put("EXSYNC_PROFILE_ALLOW_LOOPBACK_HTTP", "true");
        // The simulator's mail servers on free ports (another run may hold the defaults).
        env.put("EXSYNC_SIMULATOR_IMAP_PORT", "0");
        env.put("EXSYNC_SIMULATOR_SMTP_PORT", "0");
        env.put("EXSYNC_SIMULATOR_POP3_PORT", "0");
        PROCESSES.add(builder.start());
    }

    private static void awaitReady(String module) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url(module) + "/q/health/ready").toURL()
                        .openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(module + " is not ready after 120 s; see target/e2e-logs/" + module + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        for (Process process : PROCESSES) {
            process.destroy();
        }
        for (Process process : PROCESSES) {
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
