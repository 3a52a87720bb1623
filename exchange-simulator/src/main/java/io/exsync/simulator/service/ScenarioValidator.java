package io.exsync.simulator.service;

import io.exsync.simulator.domain.Behavior;
import io.exsync.simulator.domain.BehaviorKind;
import io.exsync.simulator.domain.Mailbox;
import io.exsync.simulator.domain.Tenant;
import io.exsync.simulator.domain.Workload;
import io.exsync.simulator.rest.Problem.Violation;
import io.exsync.simulator.rest.ScenarioDtos.AppDto;
import io.exsync.simulator.rest.ScenarioDtos.BehaviorDto;
import io.exsync.simulator.rest.ScenarioDtos.MailboxDto;
import io.exsync.simulator.rest.ScenarioDtos.ScenarioDto;
import io.exsync.simulator.rest.ScenarioDtos.TenantDto;
import io.exsync.simulator.rest.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks control-API bodies field by field and turns them into domain values; collects every violation. */
final class ScenarioValidator {

    static final long MAX_LATENCY_MS = 600_000;
    static final int MAX_TIMES = 1_000_000;
    static final int MAX_RETRY_AFTER_SECONDS = 3_600;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$");
    static final Pattern DOMAIN = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$");
    private static final String KINDS = Arrays.stream(BehaviorKind.values()).map(BehaviorKind::jsonName)
            .collect(Collectors.joining(", "));

    private final List<Violation> violations = new ArrayList<>();

    record Parsed(long latencyMs, Map<String, Tenant> tenants, List<Mailbox> mailboxes) {
    }

    Parsed scenario(ScenarioDto dto) {
        if (dto == null) {
            fail("body", "a scenario is required");
            throw done();
        }
        long latencyMs = dto.latencyMs() == null ? 0 : dto.latencyMs();
        range("latencyMs", latencyMs, 0, MAX_LATENCY_MS);

        Map<String, Tenant> tenants = new LinkedHashMap<>();
        Set<String> clientIds = new HashSet<>();
        List<TenantDto> tenantDtos = dto.tenants() == null ? List.of() : dto.tenants();
        for (int i = 0; i < tenantDtos.size(); i++) {
            String at = "tenants[" + i + "]";
            TenantDto tenant = tenantDtos.get(i);
            if (tenant == null || blank(tenant.id())) {
                fail(at + ".id", "must not be blank");
                continue;
            }
            if (tenants.containsKey(tenant.id())) {
                fail(at + ".id", "duplicate tenant id");
            }
            Map<String, String> apps = new LinkedHashMap<>();
            List<AppDto> appDtos = tenant.apps() == null ? List.of() : tenant.apps();
            for (int j = 0; j < appDtos.size(); j++) {
                AppDto app = appDtos.get(j);
                String appAt = at + ".apps[" + j + "]";
                if (app == null || blank(app.clientId())) {
                    fail(appAt + ".clientId", "must not be blank");
                    continue;
                }
                if (!clientIds.add(app.clientId())) {
                    fail(appAt + ".clientId", "duplicate client id (client ids are unique across tenants)");
                }
                if (blank(app.clientSecret())) {
                    fail(appAt + ".clientSecret", "must not be blank");
                } else {
                    apps.put(app.clientId(), app.clientSecret());
                }
            }
            tenants.put(tenant.id(), new Tenant(tenant.id(), Map.copyOf(apps)));
        }

        List<Mailbox> mailboxes = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        List<MailboxDto> mailboxDtos = dto.mailboxes() == null ? List.of() : dto.mailboxes();
        for (int i = 0; i < mailboxDtos.size(); i++) {
            String at = "mailboxes[" + i + "]";
            MailboxDto mailbox = mailboxDtos.get(i);
            if (mailbox == null) {
                fail(at, "must not be null");
                continue;
            }
            boolean emailOk = email(at + ".email", mailbox.email());
            if (emailOk && !emails.add(Mailbox.key(mailbox.email()))) {
                fail(at + ".email", "duplicate email address");
            }
            if (blank(mailbox.tenant())) {
                fail(at + ".tenant", "must not be blank");
            } else if (!tenants.containsKey(mailbox.tenant())) {
                fail(at + ".tenant", "names no tenant of this scenario");
            }
            if (blank(mailbox.password())) {
                fail(at + ".password", "must not be blank");
            }
            Behavior behavior = behavior(at + ".behavior", mailbox.behavior());
            if (emailOk) {
                mailboxes.add(new Mailbox(mailbox.email().trim(), mailbox.tenant(), mailbox.password(), behavior));
            }
        }
        throwIfAny();
        return new Parsed(latencyMs, tenants, mailboxes);
    }

    Behavior behavior(String at, BehaviorDto dto) {
        if (dto == null) {
            return Behavior.OK;
        }
        BehaviorKind kind = dto.kind() == null ? null : BehaviorKind.fromJson(dto.kind()).orElse(null);
        if (kind == null) {
            fail(at + ".kind", "must be one of " + KINDS);
            return Behavior.OK;
        }
        int times = dto.times() == null ? 1 : dto.times();
        range(at + ".times", times, 0, MAX_TIMES);
        int retryAfter = dto.retryAfterSeconds() == null ? 1 : dto.retryAfterSeconds();
        range(at + ".retryAfterSeconds", retryAfter, 0, MAX_RETRY_AFTER_SECONDS);
        long latency = dto.latencyMs() == null ? 0 : dto.latencyMs();
        range(at + ".latencyMs", latency, 0, MAX_LATENCY_MS);
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        List<String> names = dto.workloads() == null ? List.of() : dto.workloads();
        for (int i = 0; i < names.size(); i++) {
            Workload workload = Workload.fromJson(names.get(i)).orElse(null);
            if (workload == null) {
                fail(at + ".workloads[" + i + "]", "must be one of incoming, outgoing, act");
            } else {
                workloads.add(workload);
            }
        }
        return new Behavior(kind, times, retryAfter, latency, Set.copyOf(workloads));
    }

    boolean email(String field, String value) {
        if (blank(value)) {
            fail(field, "must not be blank");
            return false;
        }
        if (value.length() > 254 || !EMAIL.matcher(value.trim()).matches()) {
            fail(field, "must be an email address");
            return false;
        }
        return true;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            fail(field, "must be between " + min + " and " + max);
        }
    }

    void fail(String field, String message) {
        violations.add(new Violation(field, message));
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw done();
        }
    }

    private ValidationException done() {
        return new ValidationException(violations);
    }
}
