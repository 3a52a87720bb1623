package io.exsync.profile.rest;

import io.exsync.profile.domain.Deployment;
import io.exsync.profile.domain.Environment;

import java.time.OffsetDateTime;
import java.util.UUID;

public record EnvironmentResponse(UUID id, String name, String tenantId, Deployment deployment, String version,
                                  String exchangeOnlineTenantId, UUID defaultProfileId, UUID createdBy,
                                  OffsetDateTime createdOn) {

    public static EnvironmentResponse of(Environment environment, UUID defaultProfileId) {
        return new EnvironmentResponse(environment.id, environment.name, environment.tenantId, environment.deployment,
                environment.version, environment.exchangeOnlineTenantId, defaultProfileId, environment.createdBy,
                environment.createdOn);
    }
}
