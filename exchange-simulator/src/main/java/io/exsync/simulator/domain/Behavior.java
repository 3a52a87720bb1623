package io.exsync.simulator.domain;

import java.util.Set;

/**
 * A validated behaviour. {@code workloads} empty means every workload; {@code times} applies to throttle and
 * flaky, {@code retryAfterSeconds} to throttle, {@code latencyMs} to slow.
 */
public record Behavior(BehaviorKind kind, int times, int retryAfterSeconds, long latencyMs, Set<Workload> workloads) {

    public static final Behavior OK = new Behavior(BehaviorKind.OK, 0, 0, 0, Set.of());

    /** Whether the behaviour governs a request of this workload ({@code null}: directory requests, no workload). */
    public boolean appliesTo(Workload workload) {
        return workloads.isEmpty() || (workload != null && workloads.contains(workload));
    }
}
