package io.exsync.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The org email settings of one environment. {@link #defaultProfileId} is the only record of which profile is the
 * default, so "exactly one default per environment" holds by construction; changes lock this row.
 */
@Entity
@Table(name = "email_settings")
public class EmailSettings {

    @Id
    @Column(name = "environment_id")
    public UUID environmentId;

    @Column(name = "default_profile_id")
    public UUID defaultProfileId;

    @Enumerated(EnumType.STRING)
    @Column(name = "incoming_delivery_method", nullable = false)
    public IncomingDeliveryMethod incomingDeliveryMethod = IncomingDeliveryMethod.SERVER_SIDE_SYNC;

    @Enumerated(EnumType.STRING)
    @Column(name = "outgoing_delivery_method", nullable = false)
    public OutgoingDeliveryMethod outgoingDeliveryMethod = OutgoingDeliveryMethod.SERVER_SIDE_SYNC;

    @Enumerated(EnumType.STRING)
    @Column(name = "act_delivery_method", nullable = false)
    public ActDeliveryMethod actDeliveryMethod = ActDeliveryMethod.SERVER_SIDE_SYNC;

    @Column(name = "process_emails_only_for_approved_users", nullable = false)
    public boolean processEmailsOnlyForApprovedUsers = true;

    @Column(name = "process_emails_only_for_approved_queues", nullable = false)
    public boolean processEmailsOnlyForApprovedQueues = true;

    @Column(name = "require_privilege_to_self_approve", nullable = false)
    public boolean requirePrivilegeToSelfApproveEmailAddress = false;

    @Column(name = "notify_mailbox_owner", nullable = false)
    public boolean notifyMailboxOwner = false;

    @Column(name = "modified_on", nullable = false)
    public OffsetDateTime modifiedOn;
}
