package io.exsync.mailbox.rest;

import io.exsync.events.testing.TestEvents;

import java.util.UUID;

/** The package-private fixtures, for tests in other packages. */
public final class FixturesAccess {

    public record Env(UUID id, String tenant, UUID adminId) {
    }

    private FixturesAccess() {
    }

    public static Env environment(TestEvents events) {
        Fixtures.Env env = Fixtures.environment(events);
        return new Env(env.id(), env.tenant(), env.adminId());
    }
}
