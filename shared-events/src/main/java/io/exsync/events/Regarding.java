package io.exsync.events;

import java.util.UUID;

/** What a mailbox belongs to ({@code USER} or {@code QUEUE}) or what an alert is about ({@code MAILBOX} or {@code PROFILE}). */
public record Regarding(String type, UUID id, String name) {
}
