package io.exsync.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user of an environment; {@link #id} is the {@code sub} of the user's tokens. */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    public UUID id;
    @Column(name = "environment_id")
    public UUID environmentId;
    @Column(name = "full_name")
    public String fullName;
    public String email;
    @Column(name = "user_principal_name")
    public String userPrincipalName;
    @Column(name = "created_on")
    public OffsetDateTime createdOn;
}
