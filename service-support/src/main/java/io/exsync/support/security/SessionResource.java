package io.exsync.support.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** {@code GET /api/v1/session}: who this service takes the caller to be. Every service answers it. */
@Path("/api/v1/session")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record Session(UUID userId, String tenantId, Set<String> groups, String automationContext,
                          boolean service) {
    }

    private final Caller caller;

    public SessionResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's identity as read from the bearer token")
    public Session session() {
        return new Session(caller.userId(), caller.tenantId(), new TreeSet<>(caller.groups()),
                caller.automationContext().orElse(null), caller.isService());
    }
}
