package io.exsync.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.exsync.profile.domain.ProfileState;
import io.exsync.profile.service.ProfileService;
import io.exsync.support.client.JobRegistration;
import io.exsync.support.client.SyncWorkerJobs;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.rest.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/environments/{envId}/profiles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileService service;
    private final SyncWorkerJobs workerJobs;

    public ProfileResource(ProfileService service, SyncWorkerJobs workerJobs) {
        this.service = service;
        this.workerJobs = workerJobs;
    }

    @GET
    public Page<ProfileResponse> list(@PathParam("envId") UUID envId, @QueryParam("state") String state,
                                      @BeanParam @Valid PageParams paging) {
        return service.list(envId, QueryParams.enumValue(ProfileState.class, "state", state), paging);
    }

    @POST
    @Operation(summary = "Create an email server profile (System Administrator)")
    public Response create(@PathParam("envId") UUID envId, @Valid @NotNull ProfileRequest request, UriInfo uri) {
        ProfileResponse created = service.create(envId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public ProfileResponse get(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.get(envId, id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a profile with a JSON merge patch; secrets are write-only")
    public ProfileResponse update(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                  @NotNull JsonNode patch) {
        return service.update(envId, id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate a profile (409 ProfileIsDefault for the default profile)")
    public ProfileResponse deactivate(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.deactivate(envId, id);
    }

    @POST
    @Path("/{id}/set-default")
    @Operation(summary = "Make the profile the default for new mailboxes")
    public ProfileResponse setDefault(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.setDefault(envId, id);
    }

    @POST
    @Path("/{id}/test-and-enable")
    @Operation(summary = "Test & Enable every active mailbox of the profile; 202 with the job's Location")
    public Response testAndEnable(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        TestJobAccepted job = service.requestTest(envId, id);
        // Committed: ProfileTestRequested is in the outbox. Make the Location readable at once; the size is not known
        // here (mailbox-service's fan-out tells the worker). Best effort: 202 also when the worker is unreachable.
        workerJobs.register(job.jobId(), new JobRegistration(envId, "PROFILE", null, id));
        return Response.accepted(job).location(URI.create(job.location())).build();
    }
}
