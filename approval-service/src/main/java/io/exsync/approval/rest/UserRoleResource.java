package io.exsync.approval.rest;

import io.exsync.approval.service.RoleAssignmentService;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/environments/{envId}/users/{userId}/roles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserRoleResource {

    private final RoleAssignmentService assignments;

    public UserRoleResource(RoleAssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    public Page<SecurityRoleResponse> list(@PathParam("envId") UUID envId, @PathParam("userId") UUID userId,
                                           @BeanParam @Valid PageParams paging) {
        return assignments.rolesOfUser(envId, userId, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a role to a user: 201 when assigned, 200 when the user already held it")
    public Response assign(@PathParam("envId") UUID envId, @PathParam("userId") UUID userId,
                           @Valid @NotNull RoleAssignmentRequest request, UriInfo uri) {
        return assigned(assignments.assignToUser(envId, userId, request.roleId()), uri);
    }

    @DELETE
    @Path("/{roleId}")
    @Operation(summary = "Revoke a role from a user")
    public Response revoke(@PathParam("envId") UUID envId, @PathParam("userId") UUID userId,
                           @PathParam("roleId") UUID roleId) {
        assignments.revokeFromUser(envId, userId, roleId);
        return Response.noContent().build();
    }

    static Response assigned(RoleAssignmentService.Assignment assignment, UriInfo uri) {
        if (!assignment.created()) {
            return Response.ok(assignment.response()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(assignment.response().roleId().toString()).build())
                .entity(assignment.response()).build();
    }
}
