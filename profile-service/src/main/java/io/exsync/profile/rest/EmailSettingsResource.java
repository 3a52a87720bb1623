package io.exsync.profile.rest;

import io.exsync.profile.service.EmailSettingsService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/v1/environments/{envId}/email-settings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailSettingsResource {

    private final EmailSettingsService service;

    public EmailSettingsResource(EmailSettingsService service) {
        this.service = service;
    }

    @GET
    public EmailSettingsDto get(@PathParam("envId") UUID envId) {
        return service.get(envId);
    }

    @PUT
    public EmailSettingsDto replace(@PathParam("envId") UUID envId, @Valid @NotNull EmailSettingsDto request) {
        return service.replace(envId, request);
    }
}
