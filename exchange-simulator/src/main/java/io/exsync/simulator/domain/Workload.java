package io.exsync.simulator.domain;

import java.util.Locale;
import java.util.Optional;

/** What a request tests (SPEC §6): reading mail, sending mail, or appointments/contacts/tasks. */
public enum Workload {
    INCOMING, OUTGOING, ACT;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Workload> fromJson(String value) {
        for (Workload workload : values()) {
            if (workload.jsonName().equals(value)) {
                return Optional.of(workload);
            }
        }
        return Optional.empty();
    }
}
