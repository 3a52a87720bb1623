package io.exsync.simulator.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exsync.simulator.domain.Mailbox;
import io.exsync.simulator.domain.Workload;
import io.exsync.simulator.oauth.TokenService;
import io.exsync.simulator.rest.BaseUrls;
import io.exsync.simulator.service.Outcome;
import io.exsync.simulator.service.ScenarioService;
import io.exsync.simulator.service.StatsService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The Microsoft Graph v1.0 subset a Test &amp; Enable run touches, with Graph's error body. Non-blocking: the
 * handlers run on the event loop and latency is a timer, so the simulator is never the bottleneck it measures.
 */
@Path("/v1.0/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {

    private final ScenarioService scenarios;
    private final StatsService stats;
    private final TokenService tokens;
    private final BaseUrls urls;
    private final ObjectMapper json;

    public GraphResource(ScenarioService scenarios, StatsService stats, TokenService tokens, BaseUrls urls,
                         ObjectMapper json) {
        this.scenarios = scenarios;
        this.stats = stats;
        this.tokens = tokens;
        this.urls = urls;
        this.json = json;
    }

    @GET
    public Uni<Response> user(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.user", id, null, request, (mailbox, base) -> json.createObjectNode()
                .put("@odata.context", base + "/v1.0/$metadata#users/$entity")
                .put("id", mailbox.objectId())
                .put("displayName", mailbox.displayName())
                .put("mail", mailbox.email())
                .put("userPrincipalName", mailbox.email())
                .put("accountEnabled", true));
    }

    @GET
    @Path("mailFolders/inbox")
    public Uni<Response> inbox(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.inbox", id, Workload.INCOMING, request, (mailbox, base) -> json.createObjectNode()
                .put("@odata.context", base + "/v1.0/$metadata#users('" + mailbox.objectId() + "')/mailFolders/$entity")
                .put("id", folderId(mailbox, "inbox"))
                .put("displayName", "Inbox")
                .put("parentFolderId", folderId(mailbox, "msgfolderroot"))
                .put("childFolderCount", 0)
                .put("unreadItemCount", 0)
                .put("totalItemCount", 0)
                .put("isHidden", false));
    }

    @GET
    @Path("messages")
    public Uni<Response> messages(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.messages", id, Workload.INCOMING, request, (mailbox, base) -> collection(
                base + "/v1.0/$metadata#users('" + mailbox.objectId() + "')/messages"));
    }

    @GET
    @Path("mailboxSettings")
    public Uni<Response> mailboxSettings(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.mailboxSettings", id, Workload.OUTGOING, request, (mailbox, base) -> {
            ObjectNode body = json.createObjectNode()
                    .put("@odata.context", base + "/v1.0/$metadata#users('" + mailbox.objectId() + "')/mailboxSettings")
                    .put("archiveFolder", folderId(mailbox, "archive"))
                    .put("timeZone", "UTC")
                    .put("dateFormat", "yyyy-MM-dd")
                    .put("timeFormat", "HH:mm")
                    .put("userPurpose", "user")
                    .put("delegateMeetingMessageDeliveryOptions", "sendToDelegateOnly");
            body.putObject("automaticRepliesSetting").put("status", "disabled").put("externalAudience", "all");
            body.putObject("language").put("locale", "en-US").put("displayName", "English (United States)");
            return body;
        });
    }

    /** Sending to the mailbox itself is how an outgoing check may prove send rights; nothing is delivered. */
    @POST
    @Path("sendMail")
    public Uni<Response> sendMail(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.sendMail", id, Workload.OUTGOING, request, (mailbox, base) -> null);
    }

    @GET
    @Path("calendar")
    public Uni<Response> calendar(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.calendar", id, Workload.ACT, request, (mailbox, base) -> {
            ObjectNode body = json.createObjectNode()
                    .put("@odata.context", base + "/v1.0/$metadata#users('" + mailbox.objectId() + "')/calendar/$entity")
                    .put("id", folderId(mailbox, "calendar"))
                    .put("name", "Calendar")
                    .put("color", "auto")
                    .put("isDefaultCalendar", true)
                    .put("canShare", true)
                    .put("canViewPrivateItems", true)
                    .put("canEdit", true);
            body.putObject("owner").put("name", mailbox.displayName()).put("address", mailbox.email());
            return body;
        });
    }

    @GET
    @Path("contacts")
    public Uni<Response> contacts(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.contacts", id, Workload.ACT, request, (mailbox, base) -> collection(
                base + "/v1.0/$metadata#users('" + mailbox.objectId() + "')/contacts"));
    }

    @GET
    @Path("todo/lists")
    public Uni<Response> todoLists(@PathParam("id") String id, @Context HttpServerRequest request) {
        return handle("graph.todoLists", id, Workload.ACT, request, (mailbox, base) -> {
            ObjectNode body = collection(base + "/v1.0/$metadata#users('" + mailbox.objectId() + "')/todo/lists");
            body.withArray("value").addObject()
                    .put("@odata.etag", "W/\"exsync\"")
                    .put("displayName", "Tasks")
                    .put("isOwner", true)
                    .put("isShared", false)
                    .put("wellknownListName", "defaultList")
                    .put("id", folderId(mailbox, "tasks"));
            return body;
        });
    }

    private Uni<Response> handle(String endpoint, String id, Workload workload, HttpServerRequest request,
                                 BiFunction<Mailbox, String, ObjectNode> body) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = request.getHeader("client-request-id");
        if (clientRequestId == null || clientRequestId.isBlank()) {
            clientRequestId = requestId;
        }
        TokenService.Check check = tokens.check(request.getHeader("Authorization"));
        if (!check.valid()) {
            try (StatsService.InFlight ignored = stats.enter(endpoint, null, null)) {
                return Uni.createFrom().item(error(401, "InvalidAuthenticationToken", check.error(), requestId,
                        clientRequestId, null));
            }
        }
        // A mailbox of another tenant is as invisible as one that does not exist.
        Mailbox mailbox = scenarios.current().mailbox(id)
                .filter(m -> m.tenant().equals(check.caller().tenant())).orElse(null);
        StatsService.InFlight inFlight = stats.enter(endpoint, mailbox == null ? null : mailbox.email(),
                check.caller().clientId());
        Outcome outcome = scenarios.decide(mailbox, workload);
        if (outcome.effect() == Outcome.Effect.TLS_ERROR) {
            inFlight.close();
            // The nearest a plain-HTTP server gets to a failed handshake: the connection ends before any answer.
            request.connection().close();
            return Uni.createFrom().item(Response.status(503).build());
        }
        Response response = switch (outcome.effect()) {
            case OK -> {
                ObjectNode node = body.apply(mailbox, urls.base(request));
                yield node == null ? Response.accepted().header("request-id", requestId)
                        .header("client-request-id", clientRequestId).build()
                        : Response.ok(node.toString(), MediaType.APPLICATION_JSON).header("request-id", requestId)
                        .header("client-request-id", clientRequestId).build();
            }
            case UNAUTHORIZED -> error(401, "InvalidAuthenticationToken",
                    "Access token validation failure. Invalid audience.", requestId, clientRequestId, null);
            case IMPERSONATION_DENIED -> error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.",
                    requestId, clientRequestId, null);
            case NOT_FOUND -> error(404, "ResourceNotFound", "Resource could not be discovered.",
                    requestId, clientRequestId, null);
            case NO_EXCHANGE_LICENSE -> workload == null
                    ? Response.ok(body.apply(mailbox, urls.base(request)).toString(), MediaType.APPLICATION_JSON).build()
                    : error(404, "MailboxNotEnabledForRESTAPI",
                    "The mailbox is either inactive, soft-deleted, or is hosted on-premise.", requestId, clientRequestId, null);
            case THROTTLED -> error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                    requestId, clientRequestId, outcome.retryAfterSeconds());
            case UNAVAILABLE -> error(503, "ServiceUnavailable", "Service unavailable, please try again later.",
                    requestId, clientRequestId, null);
            case TLS_ERROR -> throw new IllegalStateException("handled above");
        };
        Uni<Response> answer = Uni.createFrom().item(response);
        if (outcome.delayMs() > 0) {
            answer = answer.onItem().delayIt().by(Duration.ofMillis(outcome.delayMs()));
        }
        return answer.onTermination().invoke(inFlight::close);
    }

    private ObjectNode collection(String context) {
        ObjectNode body = json.createObjectNode().put("@odata.context", context);
        body.putArray("value");
        return body;
    }

    private static String folderId(Mailbox mailbox, String name) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((mailbox.objectId() + ":" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Response error(int status, String code, String message, String requestId, String clientRequestId,
                           Integer retryAfterSeconds) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        error.putObject("innerError")
                .put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("request-id", requestId)
                .put("client-request-id", clientRequestId);
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(body.toString())
                .header("request-id", requestId)
                .header("client-request-id", clientRequestId);
        if (retryAfterSeconds != null) {
            builder.header("Retry-After", retryAfterSeconds);
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"");
        }
        return builder.build();
    }
}
