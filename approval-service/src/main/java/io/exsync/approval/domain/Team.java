package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "team")
public class Team {

    @Id
    public UUID id;

    @Column(name = "environment_id", nullable = false)
    public UUID environmentId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;
}
