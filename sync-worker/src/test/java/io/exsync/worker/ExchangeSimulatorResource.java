package io.exsync.worker;

import io.exsync.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged exchange-simulator ({@code exchange-simulator/target/quarkus-app/quarkus-run.jar}) as a child
 * process on free ports: the connectors meet real HTTP, SOAP and IMAP/SMTP. The reactor packages the simulator
 * before this module (test dependency of type pom); a module-only build packages it here when the jar is missing.
 */
public class ExchangeSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String baseUrl;
    private Process process;

    public static String baseUrl() {
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        Path root = TestTokens.repositoryRoot();
        Path jar = root.resolve("exchange-simulator/target/quarkus-app/quarkus-run.jar");
        try {
            if (!Files.isRegularFile(jar)) {
                run(root, List.of("./mvnw", "-q", "-B", "package", "-DskipTests", "-pl", "exchange-simulator"));
            }
            int port = freePort();
            Path log = Path.of("target/exchange-simulator.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xmx256m",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dexsync.simulator.imap-port=0", "-Dexsync.simulator.smtp-port=0",
                    "-Dexsync.simulator.pop3-port=0", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            baseUrl = "http://127.0.0.1:" + port;
            awaitReady(baseUrl + "/q/health/ready");
            return Map.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the exchange-simulator", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String url) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the exchange-simulator exited; see target/exchange-simulator.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the exchange-simulator did not become ready");
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process build = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        try {
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new IllegalStateException("packaging the exchange-simulator failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
