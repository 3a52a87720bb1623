package io.exsync.worker.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One mailbox of a job: its request snapshot (JSON of TestAndEnableRequested), work state and result. */
@Entity
@Table(name = "job_mailbox")
public class JobMailbox extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID jobId;
    public UUID mailboxId;
    public UUID profileId;
    public String emailAddress;
    public String request;
    @Enumerated(EnumType.STRING)
    public WorkState state;
    public OffsetDateTime dueAt;
    public UUID claimId;
    public OffsetDateTime leaseUntil;
    public int attempts;
    public int transientFailures;
    public int throttleWaits;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Enumerated(EnumType.STRING)
    public TestStatus incomingStatus;
    @Enumerated(EnumType.STRING)
    public TestStatus outgoingStatus;
    @Enumerated(EnumType.STRING)
    public TestStatus actStatus;
    @Enumerated(EnumType.STRING)
    public TestStatus mailboxStatus;
    public String errorCode;
    public String message;
    public OffsetDateTime completedOn;
}
