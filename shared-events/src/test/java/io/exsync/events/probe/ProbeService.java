package io.exsync.events.probe;

import io.exsync.events.ExSyncEvent;
import io.exsync.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Stands in for a service method: a state change (none here) and its events in one transaction. */
@ApplicationScoped
public class ProbeService {

    private final Outbox outbox;

    public ProbeService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public List<UUID> commit(List<? extends ExSyncEvent> events) {
        return outbox.appendAll(events);
    }

    @Transactional
    public void rollBackAfterAppending(ExSyncEvent event) {
        outbox.append(event);
        throw new IllegalStateException("business rule failed after the event was written");
    }
}
