package io.exsync.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "alert")
public class Alert {
    @Id
    public UUID id;
    @Column(name = "environment_id")
    public UUID environmentId;
    public String level;
    public String code;
    public String workload;
    public String message;
    @Column(name = "regarding_type")
    public String regardingType;
    @Column(name = "regarding_id")
    public UUID regardingId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_ids")
    public UUID[] recipientIds;
    public int count;
    @Column(name = "created_on")
    public OffsetDateTime createdOn;
    @Column(name = "updated_on")
    public OffsetDateTime updatedOn;
}
