package io.exsync.simulator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The JSON of the control API (SPEC §8); field names are the contract. */
public final class ScenarioDtos {

    private ScenarioDtos() {
    }

    public record ScenarioDto(Long latencyMs, List<TenantDto> tenants, List<MailboxDto> mailboxes) {
    }

    public record TenantDto(String id, List<AppDto> apps) {
    }

    public record AppDto(String clientId, String clientSecret) {
    }

    public record MailboxDto(String email, String tenant, String password, BehaviorDto behavior) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BehaviorDto(String kind, Integer times, Integer retryAfterSeconds, Long latencyMs,
                              List<String> workloads) {
    }

    /** {@code mix}: behaviour kind → weight; weights need not add up to 1. */
    public record GenerateRequest(String tenant, Integer count, String domain, String password,
                                  Map<String, Double> mix, Long seed) {
    }

    public record GeneratedMailbox(String email, BehaviorDto behavior) {
    }

    public record GenerateResponse(List<GeneratedMailbox> mailboxes) {
    }

    public record ScenarioSummary(int tenants, int mailboxes) {
    }

    public record Gauge(long requests, int maxConcurrent) {
    }

    public record StatsResponse(long requests, Map<String, Gauge> byMailbox, Map<String, Gauge> byApp,
                                Map<String, Gauge> byEndpoint) {
    }

    public record InfoResponse(int httpPort, String graphBaseUrl, String ewsUrl, String autodiscoverUrl,
                               String authorityHost, Integer imapPort, Integer smtpPort, Integer pop3Port) {
    }
}
