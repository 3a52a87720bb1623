package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "role_privilege")
@IdClass(RolePrivilege.Key.class)
public class RolePrivilege {

    @Id
    @Column(name = "role_id")
    public UUID roleId;

    @Id
    @Enumerated(EnumType.STRING)
    public Privilege name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Depth depth;

    public record Key(UUID roleId, Privilege name) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static RolePrivilege of(UUID roleId, Privilege name, Depth depth) {
        RolePrivilege privilege = new RolePrivilege();
        privilege.roleId = roleId;
        privilege.name = name;
        privilege.depth = depth;
        return privilege;
    }
}
