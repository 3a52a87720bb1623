package io.exsync.mailbox.rest;

import io.exsync.mailbox.rest.Dtos.CredentialsResponse;
import io.exsync.mailbox.service.MailboxService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** For the sync-worker: a mailbox's own credentials, decrypted. Service tokens only. */
@Path("/api/v1/internal/mailboxes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InternalMailboxResource {

    private final MailboxService mailboxes;

    public InternalMailboxResource(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @GET
    @Path("/{id}/credentials")
    @Operation(summary = "The mailbox's own credentials (service tokens only; 403 otherwise)")
    public CredentialsResponse credentials(@PathParam("id") UUID id) {
        return mailboxes.credentials(id);
    }
}
