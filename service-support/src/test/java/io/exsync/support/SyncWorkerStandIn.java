package io.exsync.support;

import io.exsync.support.LoopbackEndpoint.Answer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A loopback stand-in for the sync-worker's {@code PUT /api/v1/internal/jobs/{jobId}}, so profile-service and
 * mailbox-service tests see the job registrations they make (and never reach a worker a developer runs on 8084).
 * Only {@code exsync.job-registration.worker-url} points here: the Location clients get is unchanged.
 * Answers 200 with the body it was sent unless a test says otherwise ({@link LoopbackEndpoint#respond}).
 */
public class SyncWorkerStandIn implements QuarkusTestResourceLifecycleManager {

    private static volatile LoopbackEndpoint endpoint;

    public static LoopbackEndpoint endpoint() {
        return endpoint;
    }

    public static void answerOk() {
        endpoint.respond(request -> Answer.json(200, request.body()));
    }

    @Override
    public Map<String, String> start() {
        endpoint = LoopbackEndpoint.start(request -> Answer.json(200, request.body()));
        return Map.of("exsync.job-registration.worker-url", endpoint.url());
    }

    @Override
    public void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
