package io.exsync.worker.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Read model from EnvironmentRegistered: the tenant a job's environment belongs to. */
@Entity
@Table(name = "environment_tenant")
public class EnvironmentTenant extends PanacheEntityBase {

    @Id
    public UUID environmentId;
    public String tenantId;
}
