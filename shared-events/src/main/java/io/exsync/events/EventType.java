package io.exsync.events;

import io.exsync.events.AlertEvent.AlertRaised;
import io.exsync.events.ApprovalEvent.ApprovalRequested;
import io.exsync.events.ApprovalEvent.MailboxApprovalRejected;
import io.exsync.events.ApprovalEvent.MailboxApproved;
import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.MailboxEvent.MailboxConfigured;
import io.exsync.events.MailboxEvent.MailboxCreated;
import io.exsync.events.MailboxEvent.MailboxStatusChanged;
import io.exsync.events.MailboxEvent.TestAndEnableRequested;
import io.exsync.events.MailboxTestEvent.MailboxTestCompleted;
import io.exsync.events.MailboxTestEvent.MailboxTestPostponed;
import io.exsync.events.ProfileEvent.DefaultProfileChanged;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.ProfileEvent.ProfileDeactivated;
import io.exsync.events.ProfileEvent.ProfileTestRequested;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.QueueEvent.QueueRegistered;
import io.exsync.events.RoleEvent.RoleAssigned;
import io.exsync.events.RoleEvent.RoleRevoked;
import io.exsync.events.TestJobEvent.TestJobCompleted;
import io.exsync.events.TestJobEvent.TestJobStarted;
import io.exsync.events.UserEvent.UserRegistered;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of SPEC §7 (plus MailboxTestPostponed): CloudEvents type, topic and record class of every event. */
public enum EventType {
    ENVIRONMENT_REGISTERED("io.exsync.environment.registered.v1", Topic.PROFILE, EnvironmentRegistered.class),
    PROFILE_CREATED("io.exsync.profile.created.v1", Topic.PROFILE, ProfileCreated.class),
    PROFILE_UPDATED("io.exsync.profile.updated.v1", Topic.PROFILE, ProfileUpdated.class),
    PROFILE_DEACTIVATED("io.exsync.profile.deactivated.v1", Topic.PROFILE, ProfileDeactivated.class),
    DEFAULT_PROFILE_CHANGED("io.exsync.profile.default-changed.v1", Topic.PROFILE, DefaultProfileChanged.class),
    EMAIL_SETTINGS_CHANGED("io.exsync.email-settings.changed.v1", Topic.PROFILE, EmailSettingsChanged.class),
    PROFILE_TEST_REQUESTED("io.exsync.profile.test-requested.v1", Topic.PROFILE, ProfileTestRequested.class),

    USER_REGISTERED("io.exsync.user.registered.v1", Topic.MAILBOX, UserRegistered.class),
    QUEUE_REGISTERED("io.exsync.queue.registered.v1", Topic.MAILBOX, QueueRegistered.class),
    MAILBOX_CREATED("io.exsync.mailbox.created.v1", Topic.MAILBOX, MailboxCreated.class),
    MAILBOX_CONFIGURED("io.exsync.mailbox.configured.v1", Topic.MAILBOX, MailboxConfigured.class),
    TEST_AND_ENABLE_REQUESTED("io.exsync.mailbox.test-requested.v1", Topic.MAILBOX, TestAndEnableRequested.class),
    MAILBOX_STATUS_CHANGED("io.exsync.mailbox.status-changed.v1", Topic.MAILBOX, MailboxStatusChanged.class),

    APPROVAL_REQUESTED("io.exsync.approval.requested.v1", Topic.APPROVAL, ApprovalRequested.class),
    MAILBOX_APPROVED("io.exsync.approval.approved.v1", Topic.APPROVAL, MailboxApproved.class),
    MAILBOX_APPROVAL_REJECTED("io.exsync.approval.rejected.v1", Topic.APPROVAL, MailboxApprovalRejected.class),
    ROLE_ASSIGNED("io.exsync.role.assigned.v1", Topic.APPROVAL, RoleAssigned.class),
    ROLE_REVOKED("io.exsync.role.revoked.v1", Topic.APPROVAL, RoleRevoked.class),

    TEST_JOB_STARTED("io.exsync.test-job.started.v1", Topic.SYNC, TestJobStarted.class),
    MAILBOX_TEST_COMPLETED("io.exsync.mailbox-test.completed.v1", Topic.SYNC, MailboxTestCompleted.class),
    TEST_JOB_COMPLETED("io.exsync.test-job.completed.v1", Topic.SYNC, TestJobCompleted.class),
    /** Not in SPEC §7: extends it so mailbox-service can show transientFailureCount / postponedUntil (SPEC §4). */
    MAILBOX_TEST_POSTPONED("io.exsync.mailbox-test.postponed.v1", Topic.SYNC, MailboxTestPostponed.class),

    ALERT_RAISED("io.exsync.alert.raised.v1", Topic.ALERT, AlertRaised.class);

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final String ceType;
    private final Topic topic;
    private final Class<? extends ExSyncEvent> recordClass;

    EventType(String ceType, Topic topic, Class<? extends ExSyncEvent> recordClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    public String ceType() {
        return ceType;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends ExSyncEvent> recordClass() {
        return recordClass;
    }

    public static EventType of(ExSyncEvent event) {
        return BY_CLASS.get(event.getClass());
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }
}
