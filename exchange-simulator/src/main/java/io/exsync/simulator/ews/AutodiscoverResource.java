package io.exsync.simulator.ews;

import io.exsync.simulator.domain.Mailbox;
import io.exsync.simulator.rest.BaseUrls;
import io.exsync.simulator.service.Outcome;
import io.exsync.simulator.service.ScenarioService;
import io.exsync.simulator.service.StatsService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * SOAP Autodiscover ({@code GetUserSettings}): answers ExternalEwsUrl/InternalEwsUrl with this simulator's EWS
 * URL. Anonymous, like the unauthenticated first leg of real Autodiscover. A directory request: behaviours limited
 * to workloads do not apply; not_found and no_exchange_license give {@code InvalidUser}, down and flaky a 503.
 */
@Path("/autodiscover/autodiscover.svc")
public class AutodiscoverResource {

    private static final String NS = "http://schemas.microsoft.com/exchange/2010/Autodiscover";

    private final ScenarioService scenarios;
    private final StatsService stats;
    private final BaseUrls urls;

    public AutodiscoverResource(ScenarioService scenarios, StatsService stats, BaseUrls urls) {
        this.scenarios = scenarios;
        this.stats = stats;
        this.urls = urls;
    }

    @POST
    public Uni<Response> post(String body, @Context HttpServerRequest request) {
        EwsRequest soap;
        try {
            soap = EwsRequest.parse(body);
        } catch (IllegalArgumentException e) {
            try (StatsService.InFlight ignored = stats.enter("autodiscover.invalid", null, null)) {
                return Uni.createFrom().item(Response.status(400).build());
            }
        }
        String endpoint = "autodiscover." + soap.operation();
        String ewsUrl = urls.ewsUrl(request);
        StringBuilder users = new StringBuilder();
        long delay = scenarios.current().latencyMs();
        boolean unavailable = false;
        StatsService.InFlight[] inFlight = new StatsService.InFlight[Math.max(1, soap.users().size())];
        for (int i = 0; i < soap.users().size(); i++) {
            String address = soap.users().get(i);
            Mailbox mailbox = scenarios.current().mailbox(address).orElse(null);
            inFlight[i] = stats.enter(endpoint, mailbox == null ? null : mailbox.email(), null);
            Outcome outcome = scenarios.decide(mailbox, null);
            delay = Math.max(delay, outcome.delayMs());
            switch (outcome.effect()) {
                case NOT_FOUND, NO_EXCHANGE_LICENSE -> users.append(userError(address));
                case UNAVAILABLE, TLS_ERROR -> unavailable = true;
                default -> users.append(userSettings(mailbox, soap.settings(), ewsUrl));
            }
        }
        if (soap.users().isEmpty()) {
            inFlight[0] = stats.enter(endpoint, null, null);
        }
        Response response = unavailable ? Response.status(503).build()
                : Response.ok(envelope(users.toString()), EwsResource.XML).build();
        Uni<Response> answer = Uni.createFrom().item(response);
        if (delay > 0) {
            answer = answer.onItem().delayIt().by(Duration.ofMillis(delay));
        }
        return answer.onTermination().invoke(() -> {
            for (StatsService.InFlight one : inFlight) {
                if (one != null) {
                    one.close();
                }
            }
        });
    }

    private static String userSettings(Mailbox mailbox, List<String> requested, String ewsUrl) {
        Map<String, String> known = Map.of(
                "ExternalEwsUrl", ewsUrl,
                "InternalEwsUrl", ewsUrl,
                "UserDisplayName", mailbox.displayName(),
                "AutoDiscoverSMTPAddress", mailbox.email(),
                "UserDeploymentId", mailbox.objectId());
        StringBuilder settings = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (String name : requested) {
            String value = known.get(name);
            if (value == null) {
                errors.append("<UserSettingError><ErrorCode>SettingIsNotAvailable</ErrorCode><ErrorMessage>")
                        .append("User setting '").append(EwsXml.escape(name)).append("' is not available.")
                        .append("</ErrorMessage><SettingName>").append(EwsXml.escape(name)).append("</SettingName></UserSettingError>");
            } else {
                settings.append("<UserSetting i:type=\"StringSetting\"><Name>").append(name).append("</Name><Value>")
                        .append(EwsXml.escape(value)).append("</Value></UserSetting>");
            }
        }
        return "<UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage>"
                + "<UserSettingErrors>" + errors + "</UserSettingErrors><UserSettings>" + settings
                + "</UserSettings></UserResponse>";
    }

    private static String userError(String address) {
        return "<UserResponse><ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: '"
                + EwsXml.escape(address) + "'</ErrorMessage><UserSettingErrors></UserSettingErrors>"
                + "<UserSettings></UserSettings></UserResponse>";
    }

    private static String envelope(String userResponses) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header><a:Action s:mustUnderstand=\"1\">" + NS + "/Autodiscover/GetUserSettingsResponse</a:Action>"
                + "<h:ServerVersionInfo xmlns:h=\"" + NS + "\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<h:MajorVersion>15</h:MajorVersion><h:MinorVersion>20</h:MinorVersion>"
                + "<h:MajorBuildNumber>8198</h:MajorBuildNumber><h:MinorBuildNumber>25</h:MinorBuildNumber>"
                + "<h:Version>Exchange2015</h:Version></h:ServerVersionInfo></s:Header>"
                + "<s:Body><GetUserSettingsResponseMessage xmlns=\"" + NS + "\">"
                + "<Response xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<ErrorCode>NoError</ErrorCode><ErrorMessage></ErrorMessage>"
                + "<UserResponses>" + userResponses + "</UserResponses></Response>"
                + "</GetUserSettingsResponseMessage></s:Body></s:Envelope>";
    }
}
