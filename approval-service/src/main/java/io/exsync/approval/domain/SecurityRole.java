package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "security_role")
public class SecurityRole {

    @Id
    public UUID id;

    @Column(name = "environment_id", nullable = false)
    public UUID environmentId;

    @Column(nullable = false)
    public String name;

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;

    public Optional<BuiltInRole> builtInRole() {
        return builtIn ? BuiltInRole.named(name) : Optional.empty();
    }

    public boolean is(BuiltInRole role) {
        return builtIn && role.roleName().equals(name);
    }
}
