package io.exsync.profile.rest;

import io.exsync.profile.service.ProfileService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** For the sync-worker: a profile's connection with decrypted secrets. Service tokens only. */
@Path("/api/v1/internal/profiles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InternalProfileResource {

    private final ProfileService service;

    public InternalProfileResource(ProfileService service) {
        this.service = service;
    }

    @GET
    @Path("/{id}/connection")
    @Operation(summary = "The profile's connection with decrypted secrets (service tokens only; 403 otherwise)")
    public ConnectionResponse connection(@PathParam("id") UUID id) {
        return service.connection(id);
    }
}
