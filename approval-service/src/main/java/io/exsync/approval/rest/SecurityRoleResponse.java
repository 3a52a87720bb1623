package io.exsync.approval.rest;

import io.exsync.approval.domain.SecurityRole;

import java.util.UUID;

public record SecurityRoleResponse(UUID id, String name, boolean builtIn) {

    public static SecurityRoleResponse of(SecurityRole role) {
        return new SecurityRoleResponse(role.id, role.name, role.builtIn);
    }
}
