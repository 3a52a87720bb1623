package io.exsync.support.client;

import java.util.UUID;

/**
 * Body of sync-worker's {@code PUT /api/v1/internal/jobs/{jobId}}: what the service that started a Test &amp; Enable
 * job knows about it. {@code total} null = not known yet (a profile-wide run before its fan-out).
 */
public record JobRegistration(UUID environmentId, String kind, Integer total, UUID profileId) {
}
