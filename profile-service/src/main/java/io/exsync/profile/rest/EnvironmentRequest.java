package io.exsync.profile.rest;

import io.exsync.profile.domain.Deployment;
import io.exsync.support.DottedVersion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.exsync.support.validation.PlainText;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public record EnvironmentRequest(
        UUID id,
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotBlank @Size(max = 200) @PlainText String tenantId,
        @NotNull Deployment deployment,
        @NotNull @Pattern(regexp = DottedVersion.PATTERN, message = "must be a dotted version such as 9.2.22104.00170")
        String version,
        @Size(max = 200) @PlainText String exchangeOnlineTenantId) {
}
