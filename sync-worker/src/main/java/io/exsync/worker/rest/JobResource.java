package io.exsync.worker.rest;

import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.worker.service.JobService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/jobs/{jobId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService service;

    public JobResource(JobService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A Test & Enable job's progress")
    public JobResponse get(@PathParam("jobId") UUID jobId) {
        return service.get(jobId);
    }

    @GET
    @Path("/results")
    @Operation(summary = "Per-mailbox results, in completion order")
    public Page<JobResultResponse> results(@PathParam("jobId") UUID jobId, @BeanParam @Valid PageParams paging) {
        return service.results(jobId, paging);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Cancel the mailboxes not started yet; running tests finish")
    public JobResponse cancel(@PathParam("jobId") UUID jobId) {
        return service.cancel(jobId);
    }

    @POST
    @Path("/retry-failed")
    @Operation(summary = "Re-run only the failed mailboxes (202 with the job)")
    public Response retryFailed(@PathParam("jobId") UUID jobId, UriInfo uri) {
        JobResponse job = service.retryFailed(jobId);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/jobs").path(jobId.toString())
                .build()).build();
    }
}
