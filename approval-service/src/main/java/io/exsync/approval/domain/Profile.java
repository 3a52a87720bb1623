package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Read model of an email server profile: only its server type matters here (ProfileCreated / ProfileUpdated). */
@Entity
@Table(name = "profile")
public class Profile {

    @Id
    public UUID id;

    @Column(name = "environment_id", nullable = false)
    public UUID environmentId;

    @Column(name = "server_type", nullable = false)
    public String serverType;

    public ServerClass serverClass() {
        return ServerClass.of(serverType);
    }
}
