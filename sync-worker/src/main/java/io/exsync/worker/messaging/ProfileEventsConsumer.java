package io.exsync.worker.messaging;

import io.exsync.events.EnvironmentEvent.EnvironmentRegistered;
import io.exsync.events.ExSyncEvent;
import io.exsync.events.IncomingEvent;
import io.exsync.events.ProfileEvent;
import io.exsync.events.inbox.ProcessedMessages;
import io.exsync.events.inbox.RetryTransient;
import io.exsync.worker.repository.ReadModelRepository;
import io.exsync.worker.service.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Read models from profile-service: environment tenants (job reads), profile names, owners and alert switches
 * (alerts); ProfileTestRequested marks its job as a PROFILE run. (Cached connections are dropped by every instance's
 * {@link ProfileChangeListener}.)
 */
@ApplicationScoped
public class ProfileEventsConsumer {

    static final String CONSUMER = "sync-worker.profiles";

    private final ProcessedMessages processed;
    private final ReadModelRepository readModels;
    private final JobService jobs;

    public ProfileEventsConsumer(ProcessedMessages processed, ReadModelRepository readModels, JobService jobs) {
        this.processed = processed;
        this.readModels = readModels;
        this.jobs = jobs;
    }

    @Incoming("profile-events")
    @RetryTransient
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent incoming = IncomingEvent.from(record);
        ExSyncEvent event = incoming.event();
        if (!processed.firstDelivery(CONSUMER, incoming.id())) {
            return;
        }
        if (event instanceof EnvironmentRegistered registered) {
            readModels.environment(registered.environmentId(), registered.tenantId());
        } else if (event instanceof ProfileEvent.ProfileCreated created) {
            readModels.profile(created.profileId(), created.environmentId(), created.name(), created.ownerId(),
                    created.sendAlertEmailToOwner());
        } else if (event instanceof ProfileEvent.ProfileUpdated updated) {
            readModels.profile(updated.profileId(), updated.environmentId(), updated.name(), updated.ownerId(),
                    updated.sendAlertEmailToOwner());
        } else if (event instanceof ProfileEvent.ProfileTestRequested test) {
            jobs.profileTestRequested(test.environmentId(), test.jobId(), test.profileId(), test.requestedBy());
        }
    }
}
