package io.exsync.simulator.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mailbox of the current scenario with its behaviour's progress: {@code progress} counts the requests the
 * behaviour has governed so far, over every protocol, so {@code times} means the first n of them.
 */
public final class Mailbox {

    private final String email;
    private final String tenant;
    private final String password;
    private final Behavior behavior;
    private final String objectId;
    private final AtomicInteger progress = new AtomicInteger();

    public Mailbox(String email, String tenant, String password, Behavior behavior) {
        this.email = email;
        this.tenant = tenant;
        this.password = password;
        this.behavior = behavior;
        this.objectId = objectIdOf(email);
    }

    /** A stable directory object id, so Graph's {@code /users/{id}} works with the id as well as the UPN. */
    public static String objectIdOf(String email) {
        return UUID.nameUUIDFromBytes(("exsync-simulator:" + key(email)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public String email() {
        return email;
    }

    public String tenant() {
        return tenant;
    }

    public String password() {
        return password;
    }

    public Behavior behavior() {
        return behavior;
    }

    public String objectId() {
        return objectId;
    }

    public String displayName() {
        String local = email.substring(0, email.indexOf('@'));
        return local.isEmpty() ? email : Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }

    /** Counts one governed request and returns its 1-based number. */
    public int nextRequest() {
        return progress.incrementAndGet();
    }

    public void resetProgress() {
        progress.set(0);
    }
}
