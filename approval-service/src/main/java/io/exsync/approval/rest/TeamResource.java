package io.exsync.approval.rest;

import io.exsync.approval.service.RoleAssignmentService;
import io.exsync.approval.service.TeamService;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/v1/environments/{envId}/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService teams;
    private final RoleAssignmentService assignments;

    public TeamResource(TeamService teams, RoleAssignmentService assignments) {
        this.teams = teams;
        this.assignments = assignments;
    }

    @GET
    public Page<TeamResponse> list(@PathParam("envId") UUID envId, @BeanParam @Valid PageParams paging) {
        return teams.list(envId, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a team (System Administrator)")
    public Response create(@PathParam("envId") UUID envId, @Valid @NotNull TeamRequest request, UriInfo uri) {
        TeamResponse created = teams.create(envId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("/{teamId}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a role to a team (never Delegated Mailbox Approver: 400 0x80090905)")
    public Response assignRole(@PathParam("envId") UUID envId, @PathParam("teamId") UUID teamId,
                               @Valid @NotNull RoleAssignmentRequest request, UriInfo uri) {
        return UserRoleResource.assigned(assignments.assignToTeam(envId, teamId, request.roleId()), uri);
    }
}
