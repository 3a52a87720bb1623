package io.exsync.approval.messaging;

import io.exsync.approval.service.ReadModelService;
import io.exsync.events.EmailSettingsEvent.EmailSettingsChanged;
import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.IncomingEvent;
import io.exsync.events.ProfileEvent.ProfileCreated;
import io.exsync.events.ProfileEvent.ProfileUpdated;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Environments (deployment, version, creator), the approval switches of the email settings and the server type of
 * each profile, from profile-service's events. Other events of the topic are not needed here and are skipped.
 */
@ApplicationScoped
public class ProfileEventsConsumer {

    static final String CONSUMER = "approval-service.profile-events";

    private final ProcessedMessages processed;
    private final ReadModelService readModels;

    public ProfileEventsConsumer(ProcessedMessages processed, ReadModelService readModels) {
        this.processed = processed;
        this.readModels = readModels;
    }

    @Incoming("profile-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent incoming = IncomingEvent.from(record);
        ExSyncEvent event = incoming.event();
        if (!relevant(event) || !processed.firstDelivery(CONSUMER, incoming.id())) {
            return;
        }
        if (event instanceof EnvironmentRegistered registered) {
            readModels.environmentRegistered(registered);
        } else if (event instanceof EmailSettingsChanged changed) {
            readModels.emailSettingsChanged(changed);
        } else if (event instanceof ProfileCreated created) {
            readModels.profileChanged(created.environmentId(), created.profileId(), created.serverType());
        } else if (event instanceof ProfileUpdated updated) {
            readModels.profileChanged(updated.environmentId(), updated.profileId(), updated.serverType());
        }
    }

    private static boolean relevant(ExSyncEvent event) {
        return event instanceof EnvironmentRegistered || event instanceof EmailSettingsChanged
                || event instanceof ProfileCreated || event instanceof ProfileUpdated;
    }
}
