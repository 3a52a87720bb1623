package io.exsync.approval.rest;

import io.exsync.approval.service.ApprovalService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Endpoints only service tokens may call (any other caller: 403). */
@Path("/api/v1/internal/mailboxes/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalApprovalResource {

    private final ApprovalService service;

    public InternalApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @POST
    @Path("/self-approve-via-test")
    @Operation(summary = "Test & Enable of the user's own mailbox: approve it when the self-approval switch is off")
    public SelfApprovalOutcome selfApproveViaTest(@PathParam("id") UUID id,
                                                  @Valid @NotNull SelfApprovalRequest request) {
        return service.approveViaTestAndEnable(id, request.userId());
    }
}
