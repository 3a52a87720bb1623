package io.exsync.simulator.service;

/**
 * What one request to a mailbox gets, protocol-neutral; each protocol renders it in its own wire format.
 * {@code delayMs} is the global latency plus a slow mailbox's latency.
 */
public record Outcome(Effect effect, long delayMs, int retryAfterSeconds) {

    public enum Effect {
        OK, UNAUTHORIZED, NOT_FOUND, NO_EXCHANGE_LICENSE, IMPERSONATION_DENIED, THROTTLED, UNAVAILABLE, TLS_ERROR
    }

    public boolean ok() {
        return effect == Effect.OK;
    }
}
