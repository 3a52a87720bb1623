package io.exsync.simulator.ews;

import io.exsync.simulator.domain.BehaviorKind;
import io.exsync.simulator.domain.Mailbox;
import io.exsync.simulator.domain.Scenario;
import io.exsync.simulator.domain.Workload;
import io.exsync.simulator.oauth.TokenService;
import io.exsync.simulator.service.Outcome;
import io.exsync.simulator.service.ScenarioService;
import io.exsync.simulator.service.StatsService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The EWS subset a Test &amp; Enable run needs: GetFolder (inbox, calendar, contacts, tasks, …), FindItem and
 * CreateItem. The mailbox is named by the {@code ExchangeImpersonation} header, a folder's {@code Mailbox}, the
 * {@code X-AnchorMailbox} header or, for Basic credentials, the signed-in user, in that order.
 */
@Path("/EWS/Exchange.asmx")
public class EwsResource {

    static final String XML = "text/xml; charset=utf-8";
    private static final String CHALLENGE = "Basic realm=\"exchange-simulator\"";

    private final ScenarioService scenarios;
    private final StatsService stats;
    private final TokenService tokens;

    public EwsResource(ScenarioService scenarios, StatsService stats, TokenService tokens) {
        this.scenarios = scenarios;
        this.stats = stats;
        this.tokens = tokens;
    }

    private record Signin(String tenant, String clientId, String basicUser) {
    }

    @POST
    public Uni<Response> post(String body, @Context HttpServerRequest request) {
        EwsRequest ews;
        try {
            ews = EwsRequest.parse(body);
        } catch (IllegalArgumentException e) {
            try (StatsService.InFlight ignored = stats.enter("ews.invalid", null, null)) {
                return answer(Response.status(500).type(XML).entity(EwsXml.fault("ErrorSchemaValidation",
                        "The request failed schema validation.", Map.of())).build());
            }
        }
        String endpoint = "ews." + ews.operation();
        Scenario scenario = scenarios.current();
        Signin signin = signin(request.getHeader("Authorization"), scenario);
        if (signin == null) {
            try (StatsService.InFlight ignored = stats.enter(endpoint, null, null)) {
                return answer(Response.status(401).header("WWW-Authenticate", CHALLENGE).build());
            }
        }
        String address = first(ews.impersonatedAddress(), ews.folderMailbox(), request.getHeader("X-AnchorMailbox"),
                signin.basicUser());
        if (address == null) {
            try (StatsService.InFlight ignored = stats.enter(endpoint, null, signin.clientId())) {
                return answer(Response.status(500).type(XML).entity(EwsXml.fault("ErrorMissingEmailAddress",
                        "When making a request as an account that does not have a mailbox, you must specify the mailbox"
                                + " primary SMTP address for any distinguished folder Ids.", Map.of())).build());
            }
        }
        Mailbox mailbox = scenario.mailbox(address).filter(m -> m.tenant().equals(signin.tenant())).orElse(null);
        StatsService.InFlight inFlight = stats.enter(endpoint, mailbox == null ? null : mailbox.email(), signin.clientId());
        List<String> folders = ews.folders().stream().map(f -> EwsXml.knownFolder(f) ? f : "inbox").toList();
        Workload workload = workload(ews.operation(), folders);
        Outcome outcome = scenarios.decide(mailbox, workload);
        if (outcome.effect() == Outcome.Effect.TLS_ERROR) {
            inFlight.close();
            request.connection().close();
            return answer(Response.status(503).build());
        }
        Response response = switch (outcome.effect()) {
            case OK -> success(ews, folders, mailbox);
            case UNAUTHORIZED -> Response.status(401).header("WWW-Authenticate", CHALLENGE).build();
            case NOT_FOUND, NO_EXCHANGE_LICENSE -> Response.ok(EwsXml.error(ews.operation(), folders.size(),
                    "ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.",
                    Map.of("SmtpAddress", address)), XML).build();
            case IMPERSONATION_DENIED -> Response.ok(EwsXml.error(ews.operation(), folders.size(),
                    "ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user.",
                    Map.of()), XML).build();
            case THROTTLED -> Response.status(500).type(XML).entity(EwsXml.fault("ErrorServerBusy",
                    "The server cannot service this request right now. Try again later.",
                    Map.of("BackOffMilliseconds", String.valueOf(outcome.retryAfterSeconds() * 1000L)))).build();
            case UNAVAILABLE -> Response.status(503).type("text/html").entity("<html><body>Service Unavailable</body></html>").build();
            case TLS_ERROR -> throw new IllegalStateException("handled above");
        };
        Uni<Response> answer = Uni.createFrom().item(response);
        if (outcome.delayMs() > 0) {
            answer = answer.onItem().delayIt().by(Duration.ofMillis(outcome.delayMs()));
        }
        return answer.onTermination().invoke(inFlight::close);
    }

    private Response success(EwsRequest ews, List<String> folders, Mailbox mailbox) {
        return switch (ews.operation()) {
            case "GetFolder" -> Response.ok(EwsXml.getFolder(mailbox.email(), folders.isEmpty() ? List.of("inbox") : folders), XML).build();
            case "FindItem" -> Response.ok(EwsXml.findItem(folders.size()), XML).build();
            case "CreateItem" -> Response.ok(EwsXml.createItem(), XML).build();
            default -> Response.status(500).type(XML).entity(EwsXml.fault("ErrorInvalidRequest",
                    "The request is invalid. The simulator does not implement " + ews.operation() + ".", Map.of())).build();
        };
    }

    /** Basic: a scenario mailbox's email and password; Bearer: a token from the token endpoint. */
    private Signin signin(String authorization, Scenario scenario) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            TokenService.Check check = tokens.check(authorization);
            return check.valid() ? new Signin(check.caller().tenant(), check.caller().clientId(), null) : null;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            user = user.substring(user.indexOf('\\') + 1);
            String password = decoded.substring(colon + 1);
            Mailbox account = scenario.mailbox(user).orElse(null);
            if (account == null || !account.password().equals(password)
                    || (account.behavior().kind() == BehaviorKind.UNAUTHORIZED && account.behavior().workloads().isEmpty())) {
                return null;
            }
            return new Signin(account.tenant(), null, account.email());
        }
        return null;
    }

    static Workload workload(String operation, List<String> folders) {
        if ("CreateItem".equals(operation)) {
            return Workload.OUTGOING;
        }
        if (!"GetFolder".equals(operation) && !"FindItem".equals(operation)) {
            return null;
        }
        String folder = folders.isEmpty() ? "inbox" : folders.get(0);
        return switch (folder) {
            case "calendar", "contacts", "tasks" -> Workload.ACT;
            case "sentitems", "outbox", "drafts" -> Workload.OUTGOING;
            default -> Workload.INCOMING;
        };
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static Uni<Response> answer(Response response) {
        return Uni.createFrom().item(response);
    }
}
