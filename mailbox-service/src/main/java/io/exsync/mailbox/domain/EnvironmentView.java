package io.exsync.mailbox.domain;

import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.IncomingDeliveryMethod;
import io.exsync.mailbox.domain.Enums.OutgoingDeliveryMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Read model of an environment and its email settings, kept from {@code exsync.profile.events}. */
@Entity
@Table(name = "environment_view")
public class EnvironmentView {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    public String deployment;
    public String version;
    @Column(name = "default_profile_id")
    public UUID defaultProfileId;
    @Enumerated(EnumType.STRING)
    @Column(name = "incoming_delivery_method")
    public IncomingDeliveryMethod incomingDeliveryMethod = IncomingDeliveryMethod.SERVER_SIDE_SYNC;
    @Enumerated(EnumType.STRING)
    @Column(name = "outgoing_delivery_method")
    public OutgoingDeliveryMethod outgoingDeliveryMethod = OutgoingDeliveryMethod.SERVER_SIDE_SYNC;
    @Enumerated(EnumType.STRING)
    @Column(name = "act_delivery_method")
    public ActDeliveryMethod actDeliveryMethod = ActDeliveryMethod.SERVER_SIDE_SYNC;
    @Column(name = "process_emails_only_for_approved_users")
    public boolean processEmailsOnlyForApprovedUsers = true;
    @Column(name = "process_emails_only_for_approved_queues")
    public boolean processEmailsOnlyForApprovedQueues = true;
    /** False until EmailSettingsChanged arrived: until then the environment is not usable (404). */
    @Column(name = "settings_received")
    public boolean settingsReceived;
}
