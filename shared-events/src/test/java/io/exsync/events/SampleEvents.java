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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One example of every event, with fixed values, matching {@code src/test/resources/contracts/<ce_type>.json}. */
public final class SampleEvents {

    static final UUID ENV = UUID.fromString("e0000000-0000-4000-8000-000000000001");
    static final UUID PROFILE = UUID.fromString("f0000000-0000-4000-8000-000000000002");
    static final UUID OTHER_PROFILE = UUID.fromString("f0000000-0000-4000-8000-000000000003");
    static final UUID USER = UUID.fromString("a0000000-0000-4000-8000-000000000004");
    static final UUID QUEUE = UUID.fromString("b0000000-0000-4000-8000-000000000005");
    static final UUID MAILBOX = UUID.fromString("c0000000-0000-4000-8000-000000000006");
    static final UUID JOB = UUID.fromString("d0000000-0000-4000-8000-000000000007");
    static final UUID ROLE = UUID.fromString("90000000-0000-4000-8000-000000000008");
    static final UUID ALERT = UUID.fromString("80000000-0000-4000-8000-000000000009");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T10:15:30Z");
    static final Regarding ADA = new Regarding("USER", USER, "Ada Lovelace");

    private SampleEvents() {
    }

    public static List<ExSyncEvent> all() {
        return List.of(
                new EnvironmentRegistered(ENV, "contoso-tenant", "Contoso", "ONLINE", "9.2.22104.00170",
                        "contoso-tenant", USER),
                new ProfileCreated(ENV, PROFILE, "Microsoft Exchange Online", "EXCHANGE_ONLINE", "SERVER_TO_SERVER",
                        "GRAPH", "PUBLIC", "ACTIVE", true, USER, 10, true),
                new ProfileUpdated(ENV, PROFILE, "Microsoft Exchange Online", "EXCHANGE_ONLINE", "SERVER_TO_SERVER",
                        "GRAPH", "CHINA_21VIANET", "ACTIVE", USER, 20, List.of("serverAuthority", "maxConcurrentConnections"),
                        false),
                new ProfileDeactivated(ENV, OTHER_PROFILE),
                new DefaultProfileChanged(ENV, PROFILE, OTHER_PROFILE),
                new EmailSettingsChanged(ENV, PROFILE, "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC",
                        true, true, false, false),
                new ProfileTestRequested(ENV, PROFILE, JOB, USER),
                new UserRegistered(ENV, USER, "Ada Lovelace", "ada@contoso.com", "ada@contoso.com", MAILBOX),
                new QueueRegistered(ENV, QUEUE, "Support", "support@contoso.com", USER, MAILBOX),
                new MailboxCreated(ENV, MAILBOX, ADA, "ada@contoso.com", USER, PROFILE, "SERVER_SIDE_SYNC",
                        "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "PENDING_APPROVAL"),
                new MailboxConfigured(ENV, MAILBOX, "ada@contoso.com", PROFILE, "SERVER_SIDE_SYNC", "OUTLOOK", "NONE",
                        true, AT, "ACTIVE", List.of("outgoingDeliveryMethod", "actDeliveryMethod")),
                new TestAndEnableRequested(ENV, MAILBOX, JOB, 1, "ada@contoso.com", ADA, USER, PROFILE,
                        "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "SERVER_SIDE_SYNC", "APPROVED", true, USER),
                new MailboxStatusChanged(ENV, MAILBOX, JOB, "SUCCESS", "SUCCESS", "FAILURE", "FAILURE", true, true,
                        false),
                new ApprovalRequested(ENV, MAILBOX, "ada@contoso.com", ADA),
                new MailboxApproved(ENV, MAILBOX, "ada@contoso.com", "ROLE", "R1", USER),
                new MailboxApprovalRejected(ENV, MAILBOX, "ada@contoso.com", "ROLE", "R2", USER),
                new RoleAssigned(ENV, "USER", USER, ROLE, "Delegated Mailbox Approver", USER),
                new RoleRevoked(ENV, "USER", USER, ROLE, "Delegated Mailbox Approver", USER),
                new TestJobStarted(ENV, JOB, "PROFILE", PROFILE, 500, USER),
                new MailboxTestCompleted(ENV, JOB, MAILBOX, "FAILED", "SUCCESS", "SUCCESS", "FAILURE", "FAILURE", true,
                        true, false, "ImpersonationDenied", "grant the ApplicationImpersonation role to the profile's account",
                        false, 1, AT),
                new MailboxTestPostponed(ENV, JOB, MAILBOX, 2, AT.plusMinutes(5), "ServerUnavailable", 3),
                new TestJobCompleted(ENV, JOB, "COMPLETED", 500, 480, 20, 0),
                new AlertRaised(ENV, ALERT, "ERROR", "ImpersonationDenied", "ACT", "Appointments, contacts and tasks "
                        + "can't be synchronized for the mailbox Ada Lovelace.", new Regarding("MAILBOX", MAILBOX, null),
                        List.of(USER), 2));
    }
}
