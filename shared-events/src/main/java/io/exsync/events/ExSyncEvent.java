package io.exsync.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * Every event ExSync publishes. One sealed sub-interface per aggregate; each event is a record nested in it.
 * Adding a field to a record is compatible; renaming or removing one needs a new {@code .v2} type.
 */
public sealed interface ExSyncEvent
        permits EnvironmentEvent, ProfileEvent, EmailSettingsEvent, UserEvent, QueueEvent, MailboxEvent,
        ApprovalEvent, RoleEvent, TestJobEvent, MailboxTestEvent, AlertEvent {

    UUID environmentId();

    /** The Kafka key and CloudEvents {@code subject}: the id of the aggregate the event is about. */
    @JsonIgnore
    String aggregateId();
}
