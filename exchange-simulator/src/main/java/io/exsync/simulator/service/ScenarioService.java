package io.exsync.simulator.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exsync.simulator.config.SimulatorConfig;
import io.exsync.simulator.domain.Behavior;
import io.exsync.simulator.domain.BehaviorKind;
import io.exsync.simulator.domain.Mailbox;
import io.exsync.simulator.domain.Scenario;
import io.exsync.simulator.domain.Workload;
import io.exsync.simulator.mail.MailServers;
import io.exsync.simulator.rest.ScenarioDtos.BehaviorDto;
import io.exsync.simulator.rest.ScenarioDtos.GenerateRequest;
import io.exsync.simulator.rest.ScenarioDtos.GenerateResponse;
import io.exsync.simulator.rest.ScenarioDtos.GeneratedMailbox;
import io.exsync.simulator.rest.ScenarioDtos.ScenarioDto;
import io.exsync.simulator.rest.ScenarioDtos.ScenarioSummary;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Owns the current scenario and decides, per request, how a mailbox answers. */
@ApplicationScoped
public class ScenarioService {

    private static final Logger LOG = Logger.getLogger(ScenarioService.class);
    /** Parameters of generated behaviours (the mix names kinds only). */
    static final int GENERATED_TIMES = 2;
    static final int GENERATED_RETRY_AFTER_SECONDS = 1;
    static final long GENERATED_SLOW_LATENCY_MS = 500;

    private final StatsService stats;
    private final MailServers mailServers;
    private final SimulatorConfig config;
    private final ObjectMapper json;
    private volatile Scenario scenario = Scenario.EMPTY;

    public ScenarioService(StatsService stats, MailServers mailServers, SimulatorConfig config, ObjectMapper json) {
        this.stats = stats;
        this.mailServers = mailServers;
        this.config = config;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        mailServers.start();
        Optional<String> file = config.scenarioFile().filter(f -> !f.isBlank());
        if (file.isPresent()) {
            replace(json.readValue(Files.readString(Path.of(file.get())), ScenarioDto.class));
            LOG.infof("Loaded scenario %s: %d mailboxes", file.get(), scenario.mailboxesByKey().size());
        }
    }

    public Scenario current() {
        return scenario;
    }

    /** Replaces tenants, apps and mailboxes; counters and every behaviour's progress start again. */
    public synchronized ScenarioSummary replace(ScenarioDto dto) {
        ScenarioValidator.Parsed parsed = new ScenarioValidator().scenario(dto);
        Scenario next = Scenario.of(parsed.latencyMs(), parsed.tenants(), parsed.mailboxes());
        scenario = next;
        stats.reset();
        mailServers.provision(next.mailboxesByKey().values(), true);
        return new ScenarioSummary(next.tenants().size(), next.mailboxesByKey().size());
    }

    /**
     * Adds {@code user<n>@<domain>} (n from 1) with behaviours in the mix's proportions: exact counts by largest
     * remainder, positions shuffled with {@code seed} (0 when absent), so the same request gives the same mailboxes.
     * A generated address that already exists is replaced.
     */
    public synchronized GenerateResponse generate(GenerateRequest request) {
        ScenarioValidator validator = new ScenarioValidator();
        if (request == null) {
            validator.fail("body", "a request is required");
            validator.throwIfAny();
        }
        Scenario base = scenario;
        if (ScenarioValidator.blank(request.tenant())) {
            validator.fail("tenant", "must not be blank");
        } else if (!base.tenants().containsKey(request.tenant())) {
            validator.fail("tenant", "names no tenant of the current scenario");
        }
        if (request.count() == null) {
            validator.fail("count", "is required");
        } else {
            validator.range("count", request.count(), 1, 100_000);
        }
        if (ScenarioValidator.blank(request.domain()) || !ScenarioValidator.DOMAIN.matcher(request.domain()).matches()) {
            validator.fail("domain", "must be a domain name");
        }
        if (ScenarioValidator.blank(request.password())) {
            validator.fail("password", "must not be blank");
        }
        Map<BehaviorKind, Double> mix = new LinkedHashMap<>();
        if (request.mix() == null || request.mix().isEmpty()) {
            validator.fail("mix", "must name at least one behaviour kind");
        } else {
            request.mix().forEach((name, weight) -> {
                Optional<BehaviorKind> kind = BehaviorKind.fromJson(name);
                if (kind.isEmpty()) {
                    // A key that is no kind name is not echoed back (it could be a script).
                    validator.fail(name != null && name.matches("[A-Za-z_]{1,40}") ? "mix." + name : "mix",
                            "is not a behaviour kind");
                } else if (weight == null || weight < 0 || weight.isNaN() || weight.isInfinite()) {
                    validator.fail("mix." + name, "must be a number of at least 0");
                } else {
                    mix.put(kind.get(), weight);
                }
            });
            if (!mix.isEmpty() && mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                validator.fail("mix", "weights must add up to more than 0");
            }
        }
        validator.throwIfAny();

        List<BehaviorKind> kinds = allocate(mix, request.count());
        Collections.shuffle(kinds, new Random(request.seed() == null ? 0L : request.seed()));
        Map<String, Mailbox> mailboxes = new LinkedHashMap<>(base.mailboxesByKey());
        List<Mailbox> added = new ArrayList<>(kinds.size());
        List<GeneratedMailbox> answer = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            Behavior behavior = generated(kinds.get(i));
            Mailbox mailbox = new Mailbox("user" + (i + 1) + "@" + request.domain(), request.tenant(),
                    request.password(), behavior);
            mailboxes.put(Mailbox.key(mailbox.email()), mailbox);
            added.add(mailbox);
            answer.add(new GeneratedMailbox(mailbox.email(), dto(behavior)));
        }
        scenario = Scenario.of(base.latencyMs(), base.tenants(), mailboxes.values());
        mailServers.provision(added, false);
        return new GenerateResponse(answer);
    }

    /** Clears counters and every behaviour's progress. */
    public void reset() {
        scenario.mailboxesByKey().values().forEach(Mailbox::resetProgress);
        stats.reset();
    }

    /**
     * How this request to the mailbox is answered. {@code workload} null marks a directory request (user lookup,
     * Autodiscover): behaviours limited to workloads leave it alone. {@code times} counts the requests the
     * behaviour governs, over every protocol.
     */
    public Outcome decide(Mailbox mailbox, Workload workload) {
        long delay = scenario.latencyMs();
        if (mailbox == null) {
            return new Outcome(Outcome.Effect.NOT_FOUND, delay, 0);
        }
        Behavior behavior = mailbox.behavior();
        if (!behavior.appliesTo(workload)) {
            return new Outcome(Outcome.Effect.OK, delay, 0);
        }
        return switch (behavior.kind()) {
            case OK -> new Outcome(Outcome.Effect.OK, delay, 0);
            case UNAUTHORIZED -> new Outcome(Outcome.Effect.UNAUTHORIZED, delay, 0);
            case NOT_FOUND -> new Outcome(Outcome.Effect.NOT_FOUND, delay, 0);
            case NO_EXCHANGE_LICENSE -> new Outcome(Outcome.Effect.NO_EXCHANGE_LICENSE, delay, 0);
            case IMPERSONATION_DENIED -> new Outcome(Outcome.Effect.IMPERSONATION_DENIED, delay, 0);
            case THROTTLE -> mailbox.nextRequest() <= behavior.times()
                    ? new Outcome(Outcome.Effect.THROTTLED, delay, behavior.retryAfterSeconds())
                    : new Outcome(Outcome.Effect.OK, delay, 0);
            case FLAKY -> mailbox.nextRequest() <= behavior.times()
                    ? new Outcome(Outcome.Effect.UNAVAILABLE, delay, 0)
                    : new Outcome(Outcome.Effect.OK, delay, 0);
            case DOWN -> new Outcome(Outcome.Effect.UNAVAILABLE, delay, 0);
            case SLOW -> new Outcome(Outcome.Effect.OK, delay + behavior.latencyMs(), 0);
            case TLS_ERROR -> new Outcome(Outcome.Effect.TLS_ERROR, delay, 0);
        };
    }

    static List<BehaviorKind> allocate(Map<BehaviorKind, Double> mix, int count) {
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<BehaviorKind, Integer> counts = new LinkedHashMap<>();
        List<Map.Entry<BehaviorKind, Double>> remainders = new ArrayList<>();
        int assigned = 0;
        for (Map.Entry<BehaviorKind, Double> entry : mix.entrySet()) {
            double exact = count * entry.getValue() / total;
            int whole = (int) Math.floor(exact);
            counts.put(entry.getKey(), whole);
            assigned += whole;
            remainders.add(Map.entry(entry.getKey(), exact - whole));
        }
        // Stable sort keeps the mix's order among equal remainders, so the result is deterministic.
        remainders.sort(Comparator.comparing(Map.Entry<BehaviorKind, Double>::getValue).reversed());
        for (int i = 0; assigned < count; i++, assigned++) {
            counts.merge(remainders.get(i % remainders.size()).getKey(), 1, Integer::sum);
        }
        List<BehaviorKind> kinds = new ArrayList<>(count);
        counts.forEach((kind, n) -> kinds.addAll(Collections.nCopies(n, kind)));
        return kinds;
    }

    private static Behavior generated(BehaviorKind kind) {
        return switch (kind) {
            case THROTTLE -> new Behavior(kind, GENERATED_TIMES, GENERATED_RETRY_AFTER_SECONDS, 0, Set.of());
            case FLAKY -> new Behavior(kind, GENERATED_TIMES, 0, 0, Set.of());
            case SLOW -> new Behavior(kind, 0, 0, GENERATED_SLOW_LATENCY_MS, Set.of());
            default -> new Behavior(kind, 0, 0, 0, Set.of());
        };
    }

    static BehaviorDto dto(Behavior behavior) {
        BehaviorKind kind = behavior.kind();
        List<String> workloads = behavior.workloads().isEmpty() ? null
                : behavior.workloads().stream().sorted().map(Workload::jsonName).toList();
        return new BehaviorDto(kind.jsonName(),
                kind == BehaviorKind.THROTTLE || kind == BehaviorKind.FLAKY ? behavior.times() : null,
                kind == BehaviorKind.THROTTLE ? behavior.retryAfterSeconds() : null,
                kind == BehaviorKind.SLOW ? behavior.latencyMs() : null,
                workloads);
    }
}
