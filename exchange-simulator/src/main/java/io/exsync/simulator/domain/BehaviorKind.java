package io.exsync.simulator.domain;

import java.util.Locale;
import java.util.Optional;

/** How a mailbox answers (SPEC §8). */
public enum BehaviorKind {
    OK, UNAUTHORIZED, NOT_FOUND, NO_EXCHANGE_LICENSE, IMPERSONATION_DENIED, THROTTLE, FLAKY, DOWN, SLOW, TLS_ERROR;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BehaviorKind> fromJson(String value) {
        for (BehaviorKind kind : values()) {
            if (kind.jsonName().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
