package io.exsync.approval.rest;

import io.exsync.approval.domain.PrincipalType;
import io.exsync.approval.domain.RoleAssignment;
import io.exsync.approval.domain.SecurityRole;

import java.time.OffsetDateTime;
import java.util.UUID;

public record RoleAssignmentResponse(PrincipalType principalType, UUID principalId, UUID roleId, String roleName,
                                     boolean builtIn, UUID assignedBy, OffsetDateTime assignedOn) {

    public static RoleAssignmentResponse of(RoleAssignment assignment, SecurityRole role) {
        return new RoleAssignmentResponse(assignment.principalType, assignment.principalId, role.id, role.name,
                role.builtIn, assignment.assignedBy, assignment.assignedOn);
    }
}
