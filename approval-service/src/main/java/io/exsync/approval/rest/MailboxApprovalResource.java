package io.exsync.approval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.approval.service.ApprovalService;
import io.exsync.support.problem.ApiException;
import io.exsync.support.problem.Problem;
import io.exsync.support.problem.ProblemMappers;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/environments/{envId}/mailboxes/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MailboxApprovalResource {

    static final String ATTRIBUTE = "emailRouterAccessApproval";

    private final ApprovalService service;

    public MailboxApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @POST
    @Path("/approve")
    @Operation(summary = "Approve the mailbox's email address (SPEC §5 rules, or self-approval)")
    public ApprovalResponse approve(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.approve(envId, id);
    }

    @POST
    @Path("/reject")
    @Operation(summary = "Reject the mailbox's email address (SPEC §5 rules)")
    public ApprovalResponse reject(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.reject(envId, id);
    }

    @PATCH
    @Path("/approval")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Programmatic approval: exactly {\"emailRouterAccessApproval\": \"APPROVED\"}")
    public ApprovalResponse approveProgrammatically(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                                    @NotNull JsonNode body) {
        requireOnlyApproved(body);
        return service.approveProgrammatically(envId, id);
    }

    @GET
    @Path("/approval-history")
    public Page<ApprovalHistoryItem> history(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                             @BeanParam @Valid PageParams paging) {
        return service.history(envId, id, paging);
    }

    /** The programmatic path accepts that one attribute with that one value, and nothing else. */
    private static void requireOnlyApproved(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.validation("body", "must be the object {\"" + ATTRIBUTE + "\": \"APPROVED\"}");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ATTRIBUTE.equals(name)) {
                violations.add(new Problem.Violation(ProblemMappers.fieldName(name),
                        "is not allowed; only " + ATTRIBUTE + " may be set"));
            }
        }
        JsonNode value = body.get(ATTRIBUTE);
        if (value == null) {
            violations.add(0, new Problem.Violation(ATTRIBUTE, "is required"));
        } else if (!value.isTextual() || !"APPROVED".equals(value.textValue())) {
            violations.add(0, new Problem.Violation(ATTRIBUTE, "must be APPROVED"));
        }
        if (!violations.isEmpty()) {
            throw new ApiException(400, "ValidationFailed", "The request is not valid.", violations);
        }
    }
}
