package io.exsync.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** Read model of users' environment roles (from approval events; the creator from EnvironmentRegistered). */
@Entity
@Table(name = "environment_role")
@IdClass(EnvironmentRole.Key.class)
public class EnvironmentRole {

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
