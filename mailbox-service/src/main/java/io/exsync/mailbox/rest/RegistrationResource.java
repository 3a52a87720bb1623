package io.exsync.mailbox.rest;

import io.exsync.mailbox.rest.Dtos.QueueRequest;
import io.exsync.mailbox.rest.Dtos.QueueResponse;
import io.exsync.mailbox.rest.Dtos.UserRequest;
import io.exsync.mailbox.rest.Dtos.UserResponse;
import io.exsync.mailbox.service.RegistrationService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/environments/{envId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final RegistrationService service;

    public RegistrationResource(RegistrationService service) {
        this.service = service;
    }

    @POST
    @Path("/users")
    @Operation(summary = "Register a user; the user gets a mailbox with the environment's current defaults")
    public Response registerUser(@PathParam("envId") UUID envId, @Valid @NotNull UserRequest request, UriInfo uri) {
        UserResponse user = service.registerUser(envId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build()).entity(user).build();
    }

    @POST
    @Path("/queues")
    @Operation(summary = "Register a queue (owner defaults to the caller); it gets a mailbox")
    public Response registerQueue(@PathParam("envId") UUID envId, @Valid @NotNull QueueRequest request, UriInfo uri) {
        QueueResponse queue = service.registerQueue(envId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(queue.id().toString()).build()).entity(queue).build();
    }
}
