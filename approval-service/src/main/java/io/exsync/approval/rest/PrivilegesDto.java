package io.exsync.approval.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code GET|PUT /security-roles/{id}/privileges}: the role's privileges, replaced as a whole. */
public record PrivilegesDto(@NotNull @Size(max = 100) @Valid List<@NotNull PrivilegeDto> privileges) {
}
