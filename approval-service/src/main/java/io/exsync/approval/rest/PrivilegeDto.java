package io.exsync.approval.rest;

import io.exsync.approval.domain.Depth;
import io.exsync.approval.domain.Privilege;
import io.exsync.approval.domain.RolePrivilege;
import jakarta.validation.constraints.NotNull;

public record PrivilegeDto(@NotNull Privilege name, @NotNull Depth depth) {

    public static PrivilegeDto of(RolePrivilege privilege) {
        return new PrivilegeDto(privilege.name, privilege.depth);
    }
}
