package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A security role held by a user or a team in one environment. */
@Entity
@Table(name = "role_assignment")
@IdClass(RoleAssignment.Key.class)
public class RoleAssignment {

    @Id
    @Column(name = "environment_id")
    public UUID environmentId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "principal_type")
    public PrincipalType principalType;

    @Id
    @Column(name = "principal_id")
    public UUID principalId;

    @Id
    @Column(name = "role_id")
    public UUID roleId;

    @Column(name = "assigned_by")
    public UUID assignedBy;

    @Column(name = "assigned_on", nullable = false)
    public OffsetDateTime assignedOn;

    public record Key(UUID environmentId, PrincipalType principalType, UUID principalId, UUID roleId)
            implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }
}
