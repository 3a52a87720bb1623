package io.exsync.worker.messaging;

import io.exsync.events.ExSyncEvent;
import io.exsync.events.IncomingEvent;
import io.exsync.events.ProfileEvent;
import io.exsync.worker.service.ConnectionCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every instance's own view of profile changes: channel {@code profile-changes} reads {@code profile.events} in a
 * consumer group of this instance alone ({@code ...profile-changes.<quarkus.uuid>}, from the end, no offsets kept), so
 * a ProfileUpdated or ProfileDeactivated drops the cached connection and tokens in <em>every</em> running worker,
 * not only in the instance the shared group gave the record to. No state is written, so nothing needs the inbox or
 * a dead-letter topic: a record that cannot be read is logged and skipped.
 */
@ApplicationScoped
public class ProfileChangeListener {

    private final ConnectionCache connections;

    public ProfileChangeListener(ConnectionCache connections) {
        this.connections = connections;
    }

    @Incoming("profile-changes")
    public void consume(ConsumerRecord<String, String> record) {
        ExSyncEvent event = IncomingEvent.from(record).event();
        if (event instanceof ProfileEvent.ProfileUpdated updated) {
            connections.invalidate(updated.profileId());
        } else if (event instanceof ProfileEvent.ProfileDeactivated deactivated) {
            connections.invalidate(deactivated.profileId());
        }
    }
}
