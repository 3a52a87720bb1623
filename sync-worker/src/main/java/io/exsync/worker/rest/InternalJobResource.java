package io.exsync.worker.rest;

import io.exsync.worker.service.JobService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * For profile-service and mailbox-service: register a job before answering 202, so its Location is readable at
 * once (QUEUED). Idempotent; service tokens only.
 */
@Path("/api/v1/internal/jobs/{jobId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalJobResource {

    private final JobService service;

    public InternalJobResource(JobService service) {
        this.service = service;
    }

    @PUT
    @Operation(summary = "Register a job as QUEUED (service tokens only; 403 otherwise)")
    public JobResponse register(@PathParam("jobId") UUID jobId, @Valid @NotNull RegisterJobRequest request) {
        return service.register(jobId, request);
    }
}
