package io.exsync.profile.rest;

import io.exsync.profile.domain.ActDeliveryMethod;
import io.exsync.profile.domain.EmailSettings;
import io.exsync.profile.domain.IncomingDeliveryMethod;
import io.exsync.profile.domain.OutgoingDeliveryMethod;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The org email settings, read and replaced as a whole ({@code GET|PUT /email-settings}). */
public record EmailSettingsDto(
        UUID defaultProfileId,
        @NotNull IncomingDeliveryMethod incomingDeliveryMethod,
        @NotNull OutgoingDeliveryMethod outgoingDeliveryMethod,
        @NotNull ActDeliveryMethod actDeliveryMethod,
        @NotNull Boolean processEmailsOnlyForApprovedUsers,
        @NotNull Boolean processEmailsOnlyForApprovedQueues,
        @NotNull Boolean requirePrivilegeToSelfApproveEmailAddress,
        @NotNull Boolean notifyMailboxOwner) {

    public static EmailSettingsDto of(EmailSettings s) {
        return new EmailSettingsDto(s.defaultProfileId, s.incomingDeliveryMethod, s.outgoingDeliveryMethod,
                s.actDeliveryMethod, s.processEmailsOnlyForApprovedUsers, s.processEmailsOnlyForApprovedQueues,
                s.requirePrivilegeToSelfApproveEmailAddress, s.notifyMailboxOwner);
    }
}
