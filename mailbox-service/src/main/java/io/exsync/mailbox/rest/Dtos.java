package io.exsync.mailbox.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.IncomingDeliveryMethod;
import io.exsync.mailbox.domain.Enums.OutgoingDeliveryMethod;
import io.exsync.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of mailbox-service. */
public final class Dtos {

    private Dtos() {
    }

    /** The email rule of every address field: RFC 5322 as Hibernate Validator reads it, with a dot in the domain. */
    static final String DOMAIN_WITH_DOT = "^[^@]+@[^@]+\\.[^@]+$";

    public record UserRequest(
            UUID id,
            @NotBlank @Size(max = 200) @PlainText String fullName,
            @NotBlank @Size(max = 320) @Email(regexp = DOMAIN_WITH_DOT) String email,
            @NotBlank @Size(max = 320) @Email(regexp = DOMAIN_WITH_DOT) String userPrincipalName) {
    }

    public record QueueRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Size(max = 320) @Email(regexp = DOMAIN_WITH_DOT) String email,
            UUID ownerId) {
    }

    public record UserResponse(UUID id, String fullName, String email, String userPrincipalName, UUID mailboxId) {
    }

    public record QueueResponse(UUID id, String name, String email, UUID ownerId, UUID mailboxId) {
    }

    /** PATCH body: a field left out (or null) is unchanged. */
    public record MailboxPatch(UUID profileId, IncomingDeliveryMethod incomingDeliveryMethod,
                               OutgoingDeliveryMethod outgoingDeliveryMethod, ActDeliveryMethod actDeliveryMethod,
                               Boolean syncItemsOnlyFromThisOrg, OffsetDateTime processEmailReceivedAfter) {
    }

    public record CredentialsRequest(
            @NotBlank @Size(max = 320) @PlainText String username,
            @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "CredentialsRequest[username=" + username + ", password=***]";
        }
    }

    /** For connectors over the internal endpoint only. */
    public record CredentialsResponse(UUID mailboxId, String username, String password) {
        @Override
        public String toString() {
            return "CredentialsResponse[mailboxId=" + mailboxId + ", secrets redacted]";
        }
    }

    public record Changes(UUID profileId, IncomingDeliveryMethod incomingDeliveryMethod,
                          OutgoingDeliveryMethod outgoingDeliveryMethod, ActDeliveryMethod actDeliveryMethod) {
    }

    public record BulkEditRequest(
            @NotEmpty @Size(max = 10_000, message = "at most 10000 ids") List<@NotNull UUID> ids,
            @NotNull @Valid Changes changes) {
    }

    public record ApplyDefaultsRequest(
            @NotEmpty @Size(max = 10_000, message = "at most 10000 ids") List<@NotNull UUID> ids,
            Boolean testAndEnable) {
    }

    public record IdsRequest(@NotEmpty @Size(max = 10_000, message = "at most 10000 ids") List<@NotNull UUID> ids) {
    }

    public record Updated(int updated) {
    }

    public record TestJobAccepted(UUID jobId, String kind, String state, int total, String location) {
    }

    public record Regarding(String type, UUID id, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LastError(String code, String message, OffsetDateTime occurredOn, Boolean transientError) {
    }

    public record MailboxResponse(UUID id, UUID environmentId, Regarding regarding, String emailAddress,
                                  UUID ownerId, UUID profileId, String incomingDeliveryMethod,
                                  String outgoingDeliveryMethod, String actDeliveryMethod, String incomingEmailStatus,
                                  String outgoingEmailStatus, String actStatus, String mailboxStatus,
                                  String emailAddressApproval, boolean enabledForIncomingEmail,
                                  boolean enabledForOutgoingEmail, boolean enabledForAct,
                                  boolean syncItemsOnlyFromThisOrg, OffsetDateTime processEmailReceivedAfter,
                                  OffsetDateTime lastTestCompletedOn, LastError lastError, int transientFailureCount,
                                  OffsetDateTime postponedUntil, String state, boolean credentialsSet) {
    }

    public record AlertResponse(UUID id, String level, String code, String workload, String message,
                                AlertRegarding regarding, List<UUID> recipientIds, OffsetDateTime createdOn,
                                OffsetDateTime updatedOn, int count) {
    }

    public record AlertRegarding(String type, UUID id) {
    }
}
