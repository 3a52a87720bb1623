package io.exsync.profile.rest;

import io.exsync.profile.service.EnvironmentService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/environments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnvironmentResource {

    private final EnvironmentService service;

    public EnvironmentResource(EnvironmentService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register an environment (GlobalAdministrator of the tenant, or a service token)")
    public Response register(@Valid @NotNull EnvironmentRequest request, UriInfo uri) {
        EnvironmentResponse created = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{envId}")
    public EnvironmentResponse get(@PathParam("envId") UUID envId) {
        return service.get(envId);
    }
}
