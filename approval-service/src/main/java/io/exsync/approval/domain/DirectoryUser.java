package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** Read model of a user of an environment (UserRegistered): the UPN decides self-approval. */
@Entity
@Table(name = "directory_user")
@IdClass(DirectoryUser.Key.class)
public class DirectoryUser {

    @Id
    @Column(name = "environment_id")
    public UUID environmentId;

    @Id
    public UUID id;

    @Column(name = "user_principal_name", nullable = false)
    public String userPrincipalName;

    public record Key(UUID environmentId, UUID id) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
