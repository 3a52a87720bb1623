package io.exsync.worker.service;

import io.exsync.events.testing.TestTopics;
import io.exsync.events.testing.TestSchema;
import io.exsync.worker.ExchangeSimulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.exsync.worker.Fixtures.registerProfileJob;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Job progress as gauges over the unfinished jobs, without a label per job. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(ExchangeSimulatorResource.class)
@QuarkusTestResource(value = TestSchema.class, initArgs = @ResourceArg(name = "database", value = "exsync_worker"))
class JobProgressMetricsTest {

    @Test
    void aQueuedJobShowsInTheProgressGauges() {
        registerProfileJob(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 7);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics.lines().filter(l -> l.startsWith("exsync_worker_job_mailboxes{")))
                    .anyMatch(l -> l.contains("state=\"QUEUED\"")).anyMatch(l -> l.contains("state=\"DONE\""));
            assertThat(value(metrics, "exsync_worker_job_mailboxes_expected")).isGreaterThanOrEqualTo(7);
            assertThat(value(metrics, "exsync_worker_jobs_unfinished")).isGreaterThanOrEqualTo(1);
            assertThat(metrics).doesNotContain("jobId=");
        });
    }

    private static double value(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
