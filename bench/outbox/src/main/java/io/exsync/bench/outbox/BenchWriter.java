package io.exsync.bench.outbox;

import io.exsync.events.ExSyncEvent;
import io.exsync.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Stands in for a service method: a (here empty) state change and its events in one transaction. */
@ApplicationScoped
public class BenchWriter {

    private final Outbox outbox;

    public BenchWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public UUID write(ExSyncEvent event) {
        return outbox.append(event);
    }

    @Transactional
    public void writeAll(List<? extends ExSyncEvent> events) {
        outbox.appendAll(events);
    }
}
