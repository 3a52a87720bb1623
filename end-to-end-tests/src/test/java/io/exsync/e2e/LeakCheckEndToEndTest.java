package io.exsync.e2e;

import io.exsync.events.Topic;
import io.exsync.events.testing.PlainConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's leak check over the end-to-end run: after every other class of the suite ran (it is ordered last), the
 * plaintext secrets the scenario sent (app client secrets, mailbox and service-account passwords, collected from the
 * request bodies by {@link ResponseCapture}) appear in no captured response body of an ExSync service, no service log
 * of the run and no record of the run's topics (dead-letter topics included).
 */
@ExtendWith(ExSyncSystem.class)
@Order(Integer.MAX_VALUE)
class LeakCheckEndToEndTest {

    @Test
    void theScenariosSecretsAppearInNoResponseNoLogAndNoTopic() throws IOException {
        Set<String> secrets = ExSyncSystem.capture().secrets();
        assertThat(secrets).as("secrets sent by the suite's scenarios (run the whole end-to-end suite, not this class alone)")
                .contains(Client.APP_SECRET, Client.MAILBOX_PASSWORD, Client.SERVICE_ACCOUNT_PASSWORD)
                .allSatisfy(secret -> assertThat(secret).as("a distinctive secret").hasSizeGreaterThanOrEqualTo(16));

        List<String> responses = Files.readAllLines(ResponseCapture.FILE, StandardCharsets.UTF_8);
        for (String module : List.of("profile-service", "mailbox-service", "approval-service", "sync-worker")) {
            assertThat(responses).as("captured responses of " + module)
                    .anyMatch(line -> line.contains("\"url\":\"" + ExSyncSystem.url(module) + "/"));
        }

        List<String> leaks = new ArrayList<>();
        int logCount;
        for (String line : responses) {
            Map<String, Integer> hits = ResponseCapture.hits(line, secrets);
            if (!hits.isEmpty()) {
                leaks.add("response " + line.substring(0, Math.min(120, line.length())) + ": " + hits.values());
            }
        }
        try (Stream<Path> logs = Files.list(Path.of("target", "e2e-logs"))) {
            List<Path> all = logs.toList();
            logCount = all.size();
            for (Path log : all) {
                Map<String, Integer> hits = ResponseCapture.hits(Files.readString(log, StandardCharsets.UTF_8), secrets);
                if (!hits.isEmpty()) {
                    leaks.add("log " + log.getFileName() + ": " + hits.values() + " hits");
                }
            }
        }
        List<String> topics = Arrays.stream(Topic.values())
                .flatMap(t -> Stream.of(t.name(ExSyncSystem.topicPrefix()), t.deadLetterName(ExSyncSystem.topicPrefix())))
                .toList();
        List<ConsumerRecord<String, String>> records;
        try (PlainConsumer all = PlainConsumer.fromBeginning(topics)) {
            records = all.await(r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5));
        }
        assertThat(records).as("records of this run's topics").isNotEmpty();
        for (ConsumerRecord<String, String> record : records) {
            String headers = Arrays.stream(record.headers().toArray())
                    .map(h -> h.key() + "=" + new String(h.value() == null ? new byte[0] : h.value(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining(" "));
            Map<String, Integer> hits = ResponseCapture.hits(record.key() + " " + headers + " " + record.value(), secrets);
            if (!hits.isEmpty()) {
                leaks.add("record " + record.topic() + "@" + record.offset() + ": " + hits.values() + " hits");
            }
        }
        System.out.printf("leak check: %d secrets; %d responses, %d service logs, %d topic records scanned; %d hits%n",
                secrets.size(), responses.size(), logCount, records.size(), leaks.size());
        assertThat(leaks).as("places where a secret of the scenario appears (" + responses.size() + " responses, "
                + records.size() + " records scanned)").isEmpty();
    }
}
