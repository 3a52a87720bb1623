package io.exsync.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "queue")
public class Queue {
    @Id
    public UUID id;
    @Column(name = "environment_id")
    public UUID environmentId;
    public String name;
    public String email;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "created_on")
    public OffsetDateTime createdOn;
}
