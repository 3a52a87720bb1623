package io.exsync.mailbox.rest;

import io.exsync.mailbox.domain.Enums.AlertLevel;
import io.exsync.mailbox.rest.Dtos.AlertResponse;
import io.exsync.mailbox.service.MailboxService;
import io.exsync.support.rest.Page;
import io.exsync.support.rest.PageParams;
import io.exsync.support.rest.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/environments/{envId}/alerts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final MailboxService mailboxes;

    public AlertResource(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @GET
    @Operation(summary = "An alert wall: alerts whose recipients include recipientId, by level, updated since")
    public Page<AlertResponse> wall(@PathParam("envId") UUID envId, @QueryParam("recipientId") String recipientId,
                                    @QueryParam("level") String level, @QueryParam("since") String since,
                                    @BeanParam @Valid PageParams paging) {
        return mailboxes.alertWall(envId, QueryParams.uuid("recipientId", recipientId),
                QueryParams.enumValue(AlertLevel.class, "level", level), QueryParams.timestamp("since", since), paging);
    }
}
