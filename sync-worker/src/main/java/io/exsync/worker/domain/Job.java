package io.exsync.worker.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID environmentId;
    @Enumerated(EnumType.STRING)
    public JobKind kind;
    public UUID profileId;
    @Enumerated(EnumType.STRING)
    public JobState state;
    public int total;
    /** False while a profile-wide job waits for its fan-out to tell its size; it cannot complete before. */
    public boolean sizeKnown = true;
    public UUID requestedBy;
    public OffsetDateTime createdOn;
    public OffsetDateTime startedOn;
    public OffsetDateTime finishedOn;

    public boolean isFinished() {
        return state == JobState.COMPLETED || state == JobState.CANCELLED;
    }
}
