package io.exsync.profile.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An email server profile. Secrets are stored only encrypted (ciphertext + key id) and never leave this service
 * except through the service-token-only connection endpoint. */
@Entity
@Table(name = "email_server_profile")
public class EmailServerProfile {

    @Id
    public UUID id;

    @Column(name = "environment_id", nullable = false)
    public UUID environmentId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "server_type", nullable = false)
    public ServerType serverType;

    @Enumerated(EnumType.STRING)
    @Column(name = "authentication_type", nullable = false)
    public AuthenticationType authenticationType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Protocol protocol;

    @Enumerated(EnumType.STRING)
    @Column(name = "server_authority", nullable = false)
    public ServerAuthority serverAuthority;

    @Column(name = "default_server_location")
    public String defaultServerLocation;

    @Column(name = "authority_host")
    public String authorityHost;

    @Column(name = "autodiscover_url")
    public String autodiscoverUrl;

    @Column(name = "use_autodiscover", nullable = false)
    public boolean useAutodiscover;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "host", column = @Column(name = "incoming_host")),
            @AttributeOverride(name = "port", column = @Column(name = "incoming_port")),
            @AttributeOverride(name = "useSsl", column = @Column(name = "incoming_use_ssl"))})
    public MailServer incomingServer;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "host", column = @Column(name = "outgoing_host")),
            @AttributeOverride(name = "port", column = @Column(name = "outgoing_port")),
            @AttributeOverride(name = "useSsl", column = @Column(name = "outgoing_use_ssl"))})
    public MailServer outgoingServer;

    @Column(name = "use_impersonation", nullable = false)
    public boolean useImpersonation;

    @Column(name = "exchange_online_tenant_id")
    public String exchangeOnlineTenantId;

    @Column(name = "client_id")
    public String clientId;

    public String username;

    @Column(name = "password_ciphertext")
    public String passwordCiphertext;

    @Column(name = "password_key_id")
    public String passwordKeyId;

    @Column(name = "client_secret_ciphertext")
    public String clientSecretCiphertext;

    @Column(name = "client_secret_key_id")
    public String clientSecretKeyId;

    @Column(name = "process_emails_received_after")
    public OffsetDateTime processEmailsReceivedAfter;

    @Column(name = "min_polling_interval_minutes", nullable = false)
    public int minPollingIntervalMinutes;

    @Column(name = "max_concurrent_connections", nullable = false)
    public int maxConcurrentConnections;

    @Column(name = "move_failed_emails_to_undeliverable_folder", nullable = false)
    public boolean moveFailedEmailsToUndeliverableFolder;

    @Column(name = "send_alert_email_to_owner", nullable = false)
    public boolean sendAlertEmailToOwner;

    @Column(name = "timeout_mailbox_connection", nullable = false)
    public boolean timeoutMailboxConnection;

    @Column(name = "timeout_mailbox_connection_after_ms", nullable = false)
    public int timeoutMailboxConnectionAfterMs;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProfileState state;

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn;

    @Column(name = "modified_on", nullable = false)
    public OffsetDateTime modifiedOn;

    @Version
    public long version;

    public boolean isActive() {
        return state == ProfileState.ACTIVE;
    }
}
