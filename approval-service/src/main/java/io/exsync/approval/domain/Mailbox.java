package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Read model of a mailbox (MailboxCreated / MailboxConfigured) plus the one thing this service owns about it:
 * its email address approval.
 */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    public static final String QUEUE = "QUEUE";

    @Id
    public UUID id;

    @Column(name = "environment_id", nullable = false)
    public UUID environmentId;

    @Column(name = "email_address", nullable = false)
    public String emailAddress;

    @Column(name = "regarding_type", nullable = false)
    public String regardingType;

    @Column(name = "regarding_id")
    public UUID regardingId;

    @Column(name = "regarding_name")
    public String regardingName;

    @Column(name = "profile_id")
    public UUID profileId;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(nullable = false)
    public String state;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_status", nullable = false)
    public ApprovalStatus approvalStatus;

    @Column(name = "requested_on")
    public OffsetDateTime requestedOn;

    public boolean isQueue() {
        return QUEUE.equals(regardingType);
    }
}
