package io.exsync.simulator.rest;

import io.exsync.simulator.config.SimulatorConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The simulator's own URLs, as the caller reached it (or {@code exsync.simulator.public-base-url}). */
@ApplicationScoped
public class BaseUrls {

    private final SimulatorConfig config;

    public BaseUrls(SimulatorConfig config) {
        this.config = config;
    }

    public String base(HttpServerRequest request) {
        return config.publicBaseUrl().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> {
                    String host = request.getHeader("Host");
                    if (host == null || host.isBlank()) {
                        host = "127.0.0.1:" + request.localAddress().port();
                    }
                    return request.scheme() + "://" + host;
                });
    }

    public String ewsUrl(HttpServerRequest request) {
        return base(request) + "/EWS/Exchange.asmx";
    }

    public String autodiscoverUrl(HttpServerRequest request) {
        return base(request) + "/autodiscover/autodiscover.svc";
    }
}
