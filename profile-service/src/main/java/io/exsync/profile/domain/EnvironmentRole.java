package io.exsync.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * Read model of a user's environment role, kept from {@code exsync.approval.events} (RoleAssigned/RoleRevoked) and
 * seeded with the environment's creator as System Administrator when the environment is registered.
 */
@Entity
@Table(name = "environment_role")
@IdClass(EnvironmentRole.Key.class)
public class EnvironmentRole {

    public static final String SYSTEM_ADMINISTRATOR = "System Administrator";
    public static final String DELEGATED_MAILBOX_APPROVER = "Delegated Mailbox Approver";

    @Id
    @Column(name = "environment_id")
    public UUID environmentId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "role_name")
    public String roleName;

    public record Key(UUID environmentId, UUID userId, String roleName) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
