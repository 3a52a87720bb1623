package io.exsync.mailbox.messaging;

import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.IncomingEvent;
import io.exsync.events.ProfileEvent.DefaultProfileChanged;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.ProfileEvent.ProfileDeactivated;
import io.exsync.events.ProfileEvent.ProfileTestRequested;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.mailbox.domain.Enums.ActDeliveryMethod;
import io.exsync.mailbox.domain.Enums.IncomingDeliveryMethod;
import io.exsync.mailbox.domain.Enums.OutgoingDeliveryMethod;
import io.exsync.mailbox.domain.EnvironmentView;
import io.exsync.mailbox.domain.ProfileView;
import io.exsync.mailbox.repository.ReadModelRepository;
import io.exsync.mailbox.service.BulkMailboxService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * The read model of environments, email settings and profiles, from {@code exsync.profile.events}, and the fan-out of
 * a profile-wide Test &amp; Enable. EmailSettingsChanged (keyed like EnvironmentRegistered, so it arrives after it)
 * is the source of truth for the default profile; DefaultProfileChanged only speeds it up when it can.
 */
@ApplicationScoped
public class ProfileEventsConsumer {

    static final String CONSUMER = "mailbox-service.profile-events";

    private final ProcessedMessages processed;
    private final ReadModelRepository readModels;
    private final BulkMailboxService bulk;

    public ProfileEventsConsumer(ProcessedMessages processed, ReadModelRepository readModels, BulkMailboxService bulk) {
        this.processed = processed;
        this.readModels = readModels;
        this.bulk = bulk;
    }

    @Incoming("profile-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        ExSyncEvent data = event.event();
        if (data instanceof EnvironmentRegistered e) {
            EnvironmentView environment = orNew(e.environmentId());
            environment.tenantId = e.tenantId();
            environment.deployment = e.deployment();
            environment.version = e.version();
            readModels.save(environment);
            if (e.createdBy() != null) {
                readModels.grant(e.environmentId(), e.createdBy(), "System Administrator");
            }
        } else if (data instanceof EmailSettingsChanged e) {
            EnvironmentView environment = readModels.environment(e.environmentId());
            if (environment != null) {
                environment.defaultProfileId = e.defaultProfileId();
                environment.incomingDeliveryMethod = IncomingDeliveryMethod.valueOf(e.incomingDeliveryMethod());
                environment.outgoingDeliveryMethod = OutgoingDeliveryMethod.valueOf(e.outgoingDeliveryMethod());
                environment.actDeliveryMethod = ActDeliveryMethod.valueOf(e.actDeliveryMethod());
                environment.processEmailsOnlyForApprovedUsers = e.processEmailsOnlyForApprovedUsers();
                environment.processEmailsOnlyForApprovedQueues = e.processEmailsOnlyForApprovedQueues();
                environment.settingsReceived = true;
            }
        } else if (data instanceof DefaultProfileChanged e) {
            EnvironmentView environment = readModels.environment(e.environmentId());
            if (environment != null) {
                environment.defaultProfileId = e.profileId();
            }
        } else if (data instanceof ProfileCreated e) {
            saveProfile(e.profileId(), e.environmentId(), e.name(), e.serverType(), e.state(), e.ownerId());
        } else if (data instanceof ProfileUpdated e) {
            saveProfile(e.profileId(), e.environmentId(), e.name(), e.serverType(), e.state(), e.ownerId());
        } else if (data instanceof ProfileDeactivated e) {
            ProfileView profile = readModels.profile(e.profileId());
            if (profile != null) {
                profile.state = "INACTIVE";
            }
        } else if (data instanceof ProfileTestRequested e) {
            bulk.fanOutProfileTest(e.environmentId(), e.profileId(), e.jobId(), e.requestedBy());
        }
    }

    private EnvironmentView orNew(UUID id) {
        EnvironmentView environment = readModels.environment(id);
        if (environment == null) {
            environment = new EnvironmentView();
            environment.id = id;
        }
        return environment;
    }

    private void saveProfile(UUID id, UUID environmentId, String name, String serverType, String state, UUID ownerId) {
        ProfileView profile = readModels.profile(id);
        if (profile == null) {
            profile = new ProfileView();
            profile.id = id;
        }
        profile.environmentId = environmentId;
        profile.name = name;
        profile.serverType = serverType;
        profile.state = state;
        profile.ownerId = ownerId;
        readModels.save(profile);
    }
}
