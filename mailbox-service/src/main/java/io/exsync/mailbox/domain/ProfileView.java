package io.exsync.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Read model of an email server profile (no secrets), kept from {@code exsync.profile.events}. */
@Entity
@Table(name = "profile_view")
public class ProfileView {
    @Id
    public UUID id;
    @Column(name = "environment_id")
    public UUID environmentId;
    public String name;
    @Column(name = "server_type")
    public String serverType;
    public String state;
    @Column(name = "owner_id")
    public UUID ownerId;

    public boolean isActive() {
        return "ACTIVE".equals(state);
    }

    /** IMAP/POP3 profiles have no appointments, contacts and tasks. */
    public boolean hasNoAct() {
        return "IMAP_SMTP".equals(serverType) || "POP3_SMTP".equals(serverType);
    }
}
