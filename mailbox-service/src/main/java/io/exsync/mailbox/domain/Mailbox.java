package io.exsync.mailbox.domain;

import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.Approval;
import io.exsync.mailbox.domain.Enums.IncomingDeliveryMethod;
import io.exsync.mailbox.domain.Enums.MailboxState;
import io.exsync.mailbox.domain.Enums.OutgoingDeliveryMethod;
import io.exsync.mailbox.domain.Enums.RegardingType;
import io.exsync.mailbox.domain.Enums.TestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's or queue's mailbox: its configuration, the status columns Test &amp; Enable sets, its own credentials. */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    @Id
    public UUID id;
    @Column(name = "environment_id")
    public UUID environmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "regarding_type")
    public RegardingType regardingType;
    @Column(name = "regarding_id")
    public UUID regardingId;
    @Column(name = "regarding_name")
    public String regardingName;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "email_address")
    public String emailAddress;
    @Column(name = "profile_id")
    public UUID profileId;
    @Enumerated(EnumType.STRING)
    @Column(name = "incoming_delivery_method")
    public IncomingDeliveryMethod incomingDeliveryMethod;
    @Enumerated(EnumType.STRING)
    @Column(name = "outgoing_delivery_method")
    public OutgoingDeliveryMethod outgoingDeliveryMethod;
    @Enumerated(EnumType.STRING)
    @Column(name = "act_delivery_method")
    public ActDeliveryMethod actDeliveryMethod;
    @Enumerated(EnumType.STRING)
    @Column(name = "incoming_email_status")
    public TestStatus incomingEmailStatus = TestStatus.NOT_RUN;
    @Enumerated(EnumType.STRING)
    @Column(name = "outgoing_email_status")
    public TestStatus outgoingEmailStatus = TestStatus.NOT_RUN;
    @Enumerated(EnumType.STRING)
    @Column(name = "act_status")
    public TestStatus actStatus = TestStatus.NOT_RUN;
    @Enumerated(EnumType.STRING)
    @Column(name = "mailbox_status")
    public TestStatus mailboxStatus = TestStatus.NOT_RUN;
    @Enumerated(EnumType.STRING)
    @Column(name = "email_address_approval")
    public Approval emailAddressApproval;
    @Column(name = "enabled_for_incoming_email")
    public boolean enabledForIncomingEmail;
    @Column(name = "enabled_for_outgoing_email")
    public boolean enabledForOutgoingEmail;
    @Column(name = "enabled_for_act")
    public boolean enabledForAct;
    @Column(name = "sync_items_only_from_this_org")
    public boolean syncItemsOnlyFromThisOrg = true;
    @Column(name = "process_email_received_after")
    public OffsetDateTime processEmailReceivedAfter;
    @Column(name = "last_test_completed_on")
    public OffsetDateTime lastTestCompletedOn;
    @Column(name = "last_test_job_id")
    public UUID lastTestJobId;
    @Column(name = "last_error_code")
    public String lastErrorCode;
    @Column(name = "last_error_message")
    public String lastErrorMessage;
    @Column(name = "last_error_occurred_on")
    public OffsetDateTime lastErrorOccurredOn;
    @Column(name = "last_error_transient")
    public Boolean lastErrorTransient;
    @Column(name = "transient_failure_count")
    public int transientFailureCount;
    @Column(name = "postponed_until")
    public OffsetDateTime postponedUntil;
    @Enumerated(EnumType.STRING)
    public MailboxState state = MailboxState.ACTIVE;
    @Column(name = "credentials_username")
    public String credentialsUsername;
    @Column(name = "credentials_password_ciphertext")
    public String credentialsPasswordCiphertext;
    @Column(name = "credentials_key_id")
    public String credentialsKeyId;
    @Column(name = "created_on")
    public OffsetDateTime createdOn;
    @Column(name = "modified_on")
    public OffsetDateTime modifiedOn;
    @Version
    public long version;

    public boolean isActive() {
        return state == MailboxState.ACTIVE;
    }
}
