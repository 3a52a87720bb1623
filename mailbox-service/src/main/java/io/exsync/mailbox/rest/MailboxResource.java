package io.exsync.mailbox.rest;

import io.exsync.mailbox.domain.Enums.Approval;
import io.exsync.mailbox.domain.Enums.MailboxState;
import io.exsync.mailbox.domain.Enums.TestStatus;
import io.exsync.mailbox.rest.Dtos.AlertResponse;
import io.exsync.mailbox.rest.Dtos.ApplyDefaultsRequest;
import io.exsync.mailbox.rest.Dtos.BulkEditRequest;
import io.exsync.mailbox.rest.Dtos.CredentialsRequest;
import io.exsync.mailbox.rest.Dtos.IdsRequest;
import io.exsync.mailbox.rest.Dtos.MailboxPatch;
import io.exsync.mailbox.rest.Dtos.MailboxResponse;
import io.exsync.mailbox.rest.Dtos.TestJobAccepted;
import io.exsync.mailbox.rest.Dtos.Updated;
import io.exsync.mailbox.service.BulkMailboxService;
import io.exsync.mailbox.service.MailboxService;
import io.exsync.mailbox.service.MailboxService.MailboxFilter;
import io.exsync.support.client.JobRegistration;
import io.exsync.support.client.SyncWorkerJobs;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.rest.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/environments/{envId}/mailboxes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MailboxResource {

    private final MailboxService mailboxes;
    private final BulkMailboxService bulk;
    private final SyncWorkerJobs workerJobs;

    public MailboxResource(MailboxService mailboxes, BulkMailboxService bulk, SyncWorkerJobs workerJobs) {
        this.mailboxes = mailboxes;
        this.bulk = bulk;
        this.workerJobs = workerJobs;
    }

    @GET
    @Operation(summary = "List mailboxes; filters state, profileId, approval, incomingStatus, outgoingStatus, actStatus, "
            + "mailboxStatus, errorCode, enabled, q")
    public Page<MailboxResponse> list(@PathParam("envId") UUID envId, @QueryParam("state") String state,
                                      @QueryParam("profileId") String profileId, @QueryParam("approval") String approval,
                                      @QueryParam("incomingStatus") String incomingStatus,
                                      @QueryParam("outgoingStatus") String outgoingStatus,
                                      @QueryParam("actStatus") String actStatus,
                                      @QueryParam("mailboxStatus") String mailboxStatus,
                                      @QueryParam("errorCode") @Size(max = 100) String errorCode,
                                      @QueryParam("enabled") String enabled,
                                      @QueryParam("q") @Size(max = 320) String q,
                                      @BeanParam @Valid PageParams paging) {
        return mailboxes.list(envId, new MailboxFilter(
                QueryParams.enumValue(MailboxState.class, "state", state),
                QueryParams.uuid("profileId", profileId),
                QueryParams.enumValue(Approval.class, "approval", approval),
                QueryParams.enumValue(TestStatus.class, "incomingStatus", incomingStatus),
                QueryParams.enumValue(TestStatus.class, "outgoingStatus", outgoingStatus),
                QueryParams.enumValue(TestStatus.class, "actStatus", actStatus),
                QueryParams.enumValue(TestStatus.class, "mailboxStatus", mailboxStatus),
                errorCode == null || errorCode.isEmpty() ? null : errorCode,
                QueryParams.bool("enabled", enabled), q), paging);
    }

    @GET
    @Path("/{id}")
    public MailboxResponse get(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return mailboxes.get(envId, id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change profile, delivery methods, syncItemsOnlyFromThisOrg, processEmailReceivedAfter")
    public MailboxResponse patch(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                 @NotNull MailboxPatch patch) {
        return mailboxes.patch(envId, id, patch);
    }

    @PUT
    @Path("/{id}/credentials")
    @Operation(summary = "Set the mailbox's own credentials (write-only)")
    public Response putCredentials(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                   @Valid @NotNull CredentialsRequest request) {
        mailboxes.putCredentials(envId, id, request);
        return Response.noContent().build();
    }

    @POST
    @Path("/bulk-edit")
    @Operation(summary = "Change up to 10,000 mailboxes at once, all or nothing")
    public Updated bulkEdit(@PathParam("envId") UUID envId, @Valid @NotNull BulkEditRequest request) {
        return new Updated(bulk.bulkEdit(envId, request.ids(), request.changes()));
    }

    @POST
    @Path("/apply-default-settings")
    @Operation(summary = "Set profile and delivery methods to the email settings' defaults; then Test & Enable (default)")
    public Response applyDefaultSettings(@PathParam("envId") UUID envId, @Valid @NotNull ApplyDefaultsRequest request) {
        boolean testAndEnable = request.testAndEnable() == null || request.testAndEnable();
        Object result = bulk.applyDefaultSettings(envId, request.ids(), testAndEnable);
        if (result instanceof TestJobAccepted job) {
            return accepted(envId, job);
        }
        return Response.ok(new Updated((Integer) result)).build();
    }

    @POST
    @Path("/test-and-enable")
    @Operation(summary = "Test & Enable up to 10,000 mailboxes; 202 with the job's Location on the sync-worker")
    public Response testAndEnable(@PathParam("envId") UUID envId, @Valid @NotNull IdsRequest request) {
        return accepted(envId, bulk.testAndEnable(envId, request.ids()));
    }

    @POST
    @Path("/{id}/test-and-enable")
    public Response testAndEnableOne(@PathParam("envId") UUID envId, @PathParam("id") UUID id) {
        return accepted(envId, bulk.testAndEnable(envId, List.of(id)));
    }

    @GET
    @Path("/{id}/alerts")
    public Page<AlertResponse> alerts(@PathParam("envId") UUID envId, @PathParam("id") UUID id,
                                      @BeanParam @Valid PageParams paging) {
        return mailboxes.alertsOfMailbox(envId, id, paging);
    }

    /**
     * The job's TestAndEnableRequested events are committed: register it on the worker so its Location is readable
     * at once. Best effort (SyncWorkerJobs): 202 also when the worker is unreachable.
     */
    private Response accepted(UUID envId, TestJobAccepted job) {
        workerJobs.register(job.jobId(), new JobRegistration(envId, "MAILBOXES", job.total(), null));
        return Response.accepted(job).location(URI.create(job.location())).build();
    }
}
