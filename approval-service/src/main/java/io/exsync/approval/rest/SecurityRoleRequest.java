package io.exsync.approval.rest;

import io.exsync.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A custom security role; {@code privileges} may be given at once or later with PUT. */
public record SecurityRoleRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @Size(max = 100) @Valid List<@NotNull PrivilegeDto> privileges) {
}
