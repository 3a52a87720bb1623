package io.exsync.worker.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * Read model from ProfileCreated / ProfileUpdated: name (alert texts), owner (alert recipient) and whether the owner
 * gets the profile-level alert when most of its mailboxes fail.
 */
@Entity
@Table(name = "profile_info")
public class ProfileInfo extends PanacheEntityBase {

    @Id
    public UUID profileId;
    public UUID environmentId;
    public String name;
    public UUID ownerId;
    public boolean sendAlertEmailToOwner;
}
