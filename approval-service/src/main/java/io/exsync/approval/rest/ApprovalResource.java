package io.exsync.approval.rest;

import io.exsync.approval.domain.ApprovalStatus;
import io.exsync.approval.service.ApprovalService;
import io.exsync.support.problem.ApiException;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.UUID;

@Path("/api/v1/environments/{envId}/approvals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService service;

    public ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Mailbox approvals, e.g. ?status=PENDING_APPROVAL (without status: every status but EMPTY)")
    public Page<ApprovalItem> list(@PathParam("envId") UUID envId, @QueryParam("status") String status,
                                   @BeanParam @Valid PageParams paging) {
        return service.approvals(envId, status(status), paging);
    }

    /** Parsed here so that an unknown value is a 400 naming the parameter (JAX-RS would answer 404). */
    private static ApprovalStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ApprovalStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("status", "must be one of " + Arrays.toString(ApprovalStatus.values()));
        }
    }
}
