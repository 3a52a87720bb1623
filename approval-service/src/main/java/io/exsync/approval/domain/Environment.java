package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Read model of an environment, from profile-service's EnvironmentRegistered. */
@Entity
@Table(name = "environment")
public class Environment {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Deployment deployment;

    @Column(nullable = false)
    public String version;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "registered_on", nullable = false)
    public OffsetDateTime registeredOn;
}
