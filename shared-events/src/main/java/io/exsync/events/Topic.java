package io.exsync.events;

/** The Kafka topics of SPEC §7, without their configurable prefix (default {@value #DEFAULT_PREFIX}). */
public enum Topic {
    PROFILE("profile.events"),
    MAILBOX("mailbox.events"),
    APPROVAL("approval.events"),
    SYNC("sync.events"),
    ALERT("alert.events");

    public static final String DEFAULT_PREFIX = "exsync.";
    public static final String DLQ_SUFFIX = ".dlq";

    private final String suffix;

    Topic(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public String name(String prefix) {
        return prefix + suffix;
    }

    public String deadLetterName(String prefix) {
        return name(prefix) + DLQ_SUFFIX;
    }
}
