package io.exsync.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Read model of the approval switches of the org email settings (EmailSettingsChanged). */
@Entity
@Table(name = "email_settings")
public class EmailSettings {

    @Id
    @Column(name = "environment_id")
    public UUID environmentId;

    @Column(name = "process_emails_only_for_approved_users", nullable = false)
    public boolean processEmailsOnlyForApprovedUsers = true;

    @Column(name = "process_emails_only_for_approved_queues", nullable = false)
    public boolean processEmailsOnlyForApprovedQueues = true;

    @Column(name = "require_privilege_to_self_approve", nullable = false)
    public boolean requirePrivilegeToSelfApproveEmailAddress = false;

    /** The SPEC §4 defaults, for an environment whose settings event has not arrived yet. */
    public static EmailSettings defaults(UUID environmentId) {
        EmailSettings settings = new EmailSettings();
        settings.environmentId = environmentId;
        return settings;
    }
}
