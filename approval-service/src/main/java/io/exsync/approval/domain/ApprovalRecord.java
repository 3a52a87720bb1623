package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of a mailbox's approval history: who decided what, when, by which path and rule. */
@Entity
@Table(name = "approval_history")
public class ApprovalRecord {

    @Id
    public UUID id;

    @Column(name = "environment_id", nullable = false)
    public UUID environmentId;

    @Column(name = "mailbox_id", nullable = false)
    public UUID mailboxId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalPath path;

    @Column(nullable = false)
    public String rule;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(nullable = false)
    public OffsetDateTime at;
}
