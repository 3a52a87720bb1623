package io.exsync.approval.rest;

import io.exsync.approval.service.SecurityRoleService;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/environments/{envId}/security-roles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SecurityRoleResource {

    private final SecurityRoleService service;

    public SecurityRoleResource(SecurityRoleService service) {
        this.service = service;
    }

    @GET
    public Page<SecurityRoleResponse> list(@PathParam("envId") UUID envId, @BeanParam @Valid PageParams paging) {
        return service.list(envId, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a custom security role (System Administrator)")
    public Response create(@PathParam("envId") UUID envId, @Valid @NotNull SecurityRoleRequest request,
                           UriInfo uri) {
        SecurityRoleResponse created = service.create(envId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public SecurityRoleResponse get(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.get(envId, id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a custom role (409 BuiltInRoleNotDeletable for built-in roles)")
    public Response delete(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        service.delete(envId, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/privileges")
    public PrivilegesDto privileges(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return service.privileges(envId, id);
    }

    @PUT
    @Path("/{id}/privileges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a custom role's privileges (409 BuiltInRoleNotModifiable for built-in roles)")
    public PrivilegesDto replacePrivileges(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                           @Valid @NotNull PrivilegesDto request) {
        return service.replacePrivileges(envId, id, request);
    }
}
