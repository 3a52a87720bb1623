package io.exsync.simulator.rest;

import io.exsync.simulator.mail.MailServers;
import io.exsync.simulator.rest.ScenarioDtos.GenerateRequest;
import io.exsync.simulator.rest.ScenarioDtos.GenerateResponse;
import io.exsync.simulator.rest.ScenarioDtos.InfoResponse;
import io.exsync.simulator.rest.ScenarioDtos.ScenarioDto;
import io.exsync.simulator.rest.ScenarioDtos.ScenarioSummary;
import io.exsync.simulator.rest.ScenarioDtos.StatsResponse;
import io.exsync.simulator.service.ScenarioService;
import io.exsync.simulator.service.StatsService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The control API tests, the demo and benchmarks drive the simulator with (SPEC §8). */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final ScenarioService scenarios;
    private final StatsService stats;
    private final MailServers mail;
    private final BaseUrls urls;

    public AdminResource(ScenarioService scenarios, StatsService stats, MailServers mail, BaseUrls urls) {
        this.scenarios = scenarios;
        this.stats = stats;
        this.mail = mail;
        this.urls = urls;
    }

    @PUT
    @Path("scenario")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScenarioSummary replace(ScenarioDto scenario) {
        return scenarios.replace(scenario);
    }

    @POST
    @Path("scenario/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    public GenerateResponse generate(GenerateRequest request) {
        return scenarios.generate(request);
    }

    @GET
    @Path("stats")
    public StatsResponse stats() {
        return stats.snapshot();
    }

    @POST
    @Path("reset")
    public Response reset() {
        scenarios.reset();
        return Response.noContent().build();
    }

    /** Ports are the bound ones: the HTTP port this request arrived on, the mail servers' listening sockets. */
    @GET
    @Path("info")
    public InfoResponse info(@Context HttpServerRequest request) {
        String base = urls.base(request);
        return new InfoResponse(request.localAddress().port(), base, urls.ewsUrl(request),
                urls.autodiscoverUrl(request), base,
                mail.imapPort().isPresent() ? mail.imapPort().getAsInt() : null,
                mail.smtpPort().isPresent() ? mail.smtpPort().getAsInt() : null,
                mail.pop3Port().isPresent() ? mail.pop3Port().getAsInt() : null);
    }
}
